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
 * <p>After a score is recorded, the caller may leave a spoken comment: the comment prompt
 * ({@link #DEFAULT_COMMENT_PROMPT} unless configured), a beep, and a recording of up to the
 * configured seconds (ended by {@code #}, silence or hanging up), kept exactly like a voice
 * message ({@link VoiceRecorder}: the recording directory, else Asterisk's spool directory) as
 * {@code <ticket>-survey-<attempt>.wav}; the ticket's history gets a {@code survey-comment}
 * entry referencing it. Silence records nothing; a comment cut short by a hangup is kept.
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
    /** The comment prompt when none is configured: the core "leave your message after the tone". */
    public static final String DEFAULT_COMMENT_PROMPT = "vm-intro";
    /** The default longest comment, in seconds. */
    public static final int DEFAULT_COMMENT_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(SurveyFlow.class);

    private final TicketStore tickets;
    private final SurveyOutcomes outcomes;
    private final String question;
    private final int attempts;
    private final int keyTimeoutMillis;
    private final String commentPrompt;
    /** The flow configuration with the comment's length as the message length; {@code null}: no comments. */
    private final HotlineFlowConfig commentConfig;

    public SurveyFlow(TicketStore tickets, HotlineFlowConfig config) {
        this(tickets, config, null, DEFAULT_QUESTION, DEFAULT_COMMENT_PROMPT, DEFAULT_COMMENT_SECONDS);
    }

    /**
     * @param outcomes       where automatic call-backs report; {@code null} when the service places none
     * @param question       the sound file that asks for the score (without extension)
     * @param commentPrompt  the sound file that invites a comment (without extension)
     * @param commentSeconds the longest comment, 5 to 600 seconds; 0 offers no comment
     */
    public SurveyFlow(TicketStore tickets, HotlineFlowConfig config, SurveyOutcomes outcomes, String question,
            String commentPrompt, int commentSeconds) {
        this.tickets = tickets;
        this.outcomes = outcomes;
        this.question = java.util.Objects.requireNonNull(question, "question");
        this.commentPrompt = java.util.Objects.requireNonNull(commentPrompt, "commentPrompt");
        this.attempts = config.attempts();
        this.keyTimeoutMillis = config.keyTimeoutMillis();
        if (commentSeconds != 0 && (commentSeconds < 5 || commentSeconds > 600)) {
            throw new IllegalArgumentException("survey comments: 0 (none) or 5 to 600 seconds, got " + commentSeconds);
        }
        this.commentConfig = commentSeconds == 0 ? null : new HotlineFlowConfig(config.dial(), config.clock(),
                config.keyTimeoutMillis(), config.attempts(), commentSeconds, config.recordingDirectory(),
                config.queueTimeoutSeconds(), config.agentsByDevice());
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
                        }).thenCompose(status -> ("OK".equals(status)
                                ? comment(session, number, number + "-survey-" + attempt,
                                        (ref, keptBy) -> outcomes.commented(attempt, ref, keptBy))
                                : CompletableFuture.<Void>completedFuture(null))
                                .thenCompose(x -> session.send(new AgiCommand.StreamFile("auth-thankyou", "")))
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
                .thenCompose(status -> ("OK".equals(status)
                        ? comment(session, ticket.number(), ticket.number() + "-survey-" + by.id(),
                                (ref, keptBy) -> tickets.apply(ticket.id(), tickets.find(ticket.id()).orElseThrow().version(),
                                        by, new TicketAction.SurveyComment(ref, keptBy, null)))
                        : CompletableFuture.<Void>completedFuture(null))
                        .thenCompose(x -> session.send(new AgiCommand.StreamFile("auth-thankyou", "")))
                        .thenCompose(x -> status(session, status, Integer.toString(score))));
    }

    /** Where a recorded comment is reported (blocking; run on the dependency pool). */
    @FunctionalInterface
    private interface CommentSink {
        void accept(String recordingRef, String keptBy);
    }

    /**
     * Invites and records the caller's comment, and reports it when any audio was recorded, also
     * when the caller hung up during it (then the hangup follows the report). A comment that
     * cannot be reported is logged; the call goes on.
     */
    private CompletableFuture<Void> comment(AgiSession session, String ticketNumber, String name, CommentSink sink) {
        if (commentConfig == null) {
            return CompletableFuture.completedFuture(null);
        }
        CallRecord kept = new CallRecord();
        VoiceRecorder recorder = new VoiceRecorder(session, commentConfig, kept, name, null);
        return session.send(new AgiCommand.StreamFile(commentPrompt, "#"))
                .thenCompose(reply -> {
                    if (reply.channelGone() || session.hungUp()) {
                        throw new CallerHungUpException("the survey comment");
                    }
                    return recorder.record("the survey comment");
                })
                .handle((ref, failure) -> {
                    CompletableFuture<Void> reported = kept.message == null ? CompletableFuture.completedFuture(null)
                            : session.call(() -> {
                                sink.accept(kept.message, kept.messageKeptBy);
                                return null;
                            }).handle((x, notReported) -> {
                                if (notReported != null) {
                                    log.warn("survey on {}: the comment {} was recorded but not put in the history: {}",
                                            ticketNumber, kept.message, HotlineCall.unwrap(notReported).toString());
                                } else {
                                    log.info("survey on {}: the caller left a comment, {}", ticketNumber, kept.message);
                                }
                                return null;
                            });
                    return reported.thenAccept(x -> {
                        if (failure != null) {
                            throw failure instanceof java.util.concurrent.CompletionException c ? c
                                    : new java.util.concurrent.CompletionException(failure);
                        }
                    });
                })
                .thenCompose(f -> f);
    }

    private static CompletableFuture<Void> status(AgiSession session, String status, String score) {
        return session.setVariable("HOTLINE_SURVEY", score)
                .thenCompose(x -> session.setVariable(HotlineVariables.STATUS, status))
                .thenAccept(x -> { });
    }
}
