package org.hotline.ivr.flow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiSession;
import org.hotline.ivr.agi.AgiFlow;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.survey.SurveyOutcomes;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The satisfaction call-back, {@code AGI(agi://host/survey,<ticket number>,<panel user>)}: the
 * panel originates a call to the caller of a resolved ticket on behalf of a user; the caller
 * presses 1 (very unhappy) to 5 (very happy). The score is recorded on the ticket as that
 * user's call-back ({@code RecordCallback}: 4 or 5 satisfied, 1 to 3 not satisfied, with the
 * score in the note), so the lifecycle rules for call-backs apply unchanged.
 *
 * <p>Sets {@code HOTLINE_SURVEY} (the score, empty without one) and {@code HOTLINE_STATUS}:
 * {@code OK}, {@code NO_INPUT} (no valid key after the tries), {@code UNKNOWN_TICKET},
 * {@code REFUSED} (the ticket is not awaiting a call-back), {@code BAD_REQUEST} (arguments).
 * Prompts: the question (configured, e.g. a recording {@code hotline/survey-question}: "press 1 to
 * 5..."; {@link #DEFAULT_QUESTION} otherwise), then the core
 * {@code auth-thankyou}. Thread-safe and shared by all calls.
 *
 * <p>The automatic call-back ({@code org.hotline.domain.survey.SurveyCallbacks}) passes a third
 * argument, the attempt id ({@code SURVEY_ATTEMPT}); its score is then reported to
 * {@link SurveyOutcomes}, which records it as the system (4-5 satisfied, 1-2 re-dispatched) and
 * books it on the attempt; no valid key is reported too, so the next attempt follows.
 */
public final class SurveyFlow implements AgiFlow {

    /** The name the dialplan uses: {@code AGI(agi://host/survey,...)}. */
    public static final String NAME = "survey";
    /**
     * The question when none is configured: a core sound, since GET DATA on a file that does not
     * exist answers -1 at once, which cannot be told from a hangup (every survey would fail).
     * Deployments record their own question and name it ({@code surveys.question-prompt}).
     */
    public static final String DEFAULT_QUESTION = "beep";
    private static final Logger log = LoggerFactory.getLogger(SurveyFlow.class);

    private final TicketStore tickets;
    private final SurveyOutcomes outcomes;
    private final String question;
    private final int attempts;
    private final int keyTimeoutMillis;

    public SurveyFlow(TicketStore tickets, HotlineFlowConfig config) {
        this(tickets, config, null, DEFAULT_QUESTION);
    }

    /**
     * @param outcomes where automatic call-backs report; {@code null} when the service places none
     * @param question the sound file that asks for the score (without extension)
     */
    public SurveyFlow(TicketStore tickets, HotlineFlowConfig config, SurveyOutcomes outcomes, String question) {
        this.tickets = tickets;
        this.outcomes = outcomes;
        this.question = java.util.Objects.requireNonNull(question, "question");
        this.attempts = config.attempts();
        this.keyTimeoutMillis = config.keyTimeoutMillis();
    }

    @Override
    public CompletionStage<?> run(AgiSession session) {
        String number = session.request().get("arg_1");
        String user = session.request().get("arg_2");
        String attempt = session.request().get("arg_3");
        if (!attempt.isEmpty() && (outcomes == null || !attempt.matches("[0-9]{1,19}-[0-9]{1,9}-[0-9]{1,9}"))) {
            log.warn("survey call {}: attempt '{}' is not an automatic call-back this service placed",
                    session.request().uniqueId(), attempt);
            return status(session, "BAD_REQUEST", "");
        }
        if (!attempt.isEmpty()) {
            return automatic(session, number, attempt);
        }
        if (!number.matches("[A-Za-z0-9-]{1,40}") || !user.matches("[A-Za-z0-9_.@-]{1,64}")) {
            log.warn("survey call {}: needs a ticket number and a panel user as AGI arguments, got '{}' and '{}'",
                    session.request().uniqueId(), number, user);
            return status(session, "BAD_REQUEST", "");
        }
        var questions = new CallerQuestions(session, null, attempts, keyTimeoutMillis);
        return session.send(new AgiCommand.Answer())
                .thenCompose(x -> session.call(() -> tickets.findByNumber(number)))
                .thenCompose(ticket -> ticket.isEmpty()
                        ? status(session, "UNKNOWN_TICKET", "")
                        : askScore(session, questions).thenCompose(score -> score == 0
                                ? status(session, "NO_INPUT", "")
                                : record(session, ticket.get(), new Actor(user, Role.AGENT), score)))
                .handle((done, failure) -> {
                    if (failure != null && !(HotlineCall.unwrap(failure) instanceof CallerHungUpException)) {
                        throw new IllegalStateException(HotlineCall.unwrap(failure));
                    }
                    return done; // the caller hung up: nothing to record, nothing to tell the dialplan
                });
    }

    /** The automatic call-back: the score goes to {@link SurveyOutcomes}, booked on the attempt. */
    private CompletionStage<?> automatic(AgiSession session, String number, String attempt) {
        var questions = new CallerQuestions(session, null, attempts, keyTimeoutMillis);
        return session.send(new AgiCommand.Answer())
                .thenCompose(x -> askScore(session, questions))
                .thenCompose(score -> score == 0
                        ? session.call(() -> {
                            outcomes.noScore(attempt);
                            return "NO_INPUT";
                        }).thenCompose(s -> status(session, s, ""))
                        : session.call(() -> outcomes.scored(attempt, score)).handle((what, failure) -> {
                            if (failure == null) {
                                log.info("survey on {} (attempt {}): {} of 5, {}", number, attempt, score, what);
                                return "OK";
                            }
                            Throwable cause = HotlineCall.unwrap(failure);
                            if (cause instanceof TransitionRefusedException || cause instanceof IllegalArgumentException) {
                                log.warn("survey on {} (attempt {}): refused: {}", number, attempt, cause.getMessage());
                                return "REFUSED";
                            }
                            throw new IllegalStateException("survey score for " + number + " not recorded", cause);
                        }).thenCompose(status -> session.send(new AgiCommand.StreamFile("auth-thankyou", ""))
                                .thenCompose(x -> status(session, status, Integer.toString(score)))))
                .handle((done, failure) -> {
                    if (failure != null && !(HotlineCall.unwrap(failure) instanceof CallerHungUpException)) {
                        throw new IllegalStateException(HotlineCall.unwrap(failure));
                    }
                    return done; // hung up before a score: the attempt ends as lost, the next one follows
                });
    }

    private CompletableFuture<Integer> askScore(AgiSession session, CallerQuestions questions) {
        return questions.<Integer>ask("the survey", () -> session
                .send(new AgiCommand.GetData(question, keyTimeoutMillis, 1)).thenApply(KeyEntry::of), entry -> {
                    if (entry.star()) {
                        return new Answer.Repeat<>();
                    }
                    if (entry.nothing()) {
                        return new Answer.NoInput<>();
                    }
                    return entry.keys().matches("[1-5]")
                            ? new Answer.Accept<>(Integer.parseInt(entry.keys()))
                            : new Answer.Invalid<>();
                }).thenApply(score -> score.orElse(0));
    }

    private CompletableFuture<Void> record(AgiSession session, Ticket ticket, Actor by, int score) {
        var action = new TicketAction.RecordCallback(score >= 4 ? CallbackResult.SATISFIED : CallbackResult.UNSATISFIED,
                "IVR satisfaction survey: " + score + " of 5");
        return session.call(() -> tickets.apply(ticket.id(), ticket.version(), by, action))
                .handle((updated, failure) -> {
                    if (failure == null) {
                        return "OK";
                    }
                    Throwable cause = HotlineCall.unwrap(failure);
                    if (cause instanceof TransitionRefusedException) {
                        log.warn("survey on {}: refused: {}", ticket.number(), cause.getMessage());
                        return "REFUSED";
                    }
                    throw new IllegalStateException("survey score for " + ticket.number() + " not recorded", cause);
                })
                .thenCompose(status -> session.send(new AgiCommand.StreamFile("auth-thankyou", ""))
                        .thenCompose(x -> status(session, status, Integer.toString(score))));
    }

    private static CompletableFuture<Void> status(AgiSession session, String status, String score) {
        return session.setVariable("HOTLINE_SURVEY", score)
                .thenCompose(x -> session.setVariable(HotlineVariables.STATUS, status))
                .thenAccept(x -> { });
    }
}
