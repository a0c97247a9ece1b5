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
 * Prompts: {@code hotline/survey-question} (record it: "press 1 to 5..."), then the core
 * {@code auth-thankyou}. Thread-safe and shared by all calls.
 */
public final class SurveyFlow implements AgiFlow {

    /** The name the dialplan uses: {@code AGI(agi://host/survey,...)}. */
    public static final String NAME = "survey";
    static final String QUESTION = "hotline/survey-question";
    private static final Logger log = LoggerFactory.getLogger(SurveyFlow.class);

    private final TicketStore tickets;
    private final int attempts;
    private final int keyTimeoutMillis;

    public SurveyFlow(TicketStore tickets, HotlineFlowConfig config) {
        this.tickets = tickets;
        this.attempts = config.attempts();
        this.keyTimeoutMillis = config.keyTimeoutMillis();
    }

    @Override
    public CompletionStage<?> run(AgiSession session) {
        String number = session.request().get("arg_1");
        String user = session.request().get("arg_2");
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

    private CompletableFuture<Integer> askScore(AgiSession session, CallerQuestions questions) {
        return questions.<Integer>ask("the survey", () -> session
                .send(new AgiCommand.GetData(QUESTION, keyTimeoutMillis, 1)).thenApply(KeyEntry::of), entry -> {
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
