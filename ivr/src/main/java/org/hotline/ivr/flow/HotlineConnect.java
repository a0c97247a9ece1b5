package org.hotline.ivr.flow;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiReply;
import org.hotline.ivr.agi.AgiSession;
import org.hotline.domain.routing.ForwardTarget;
import org.hotline.domain.routing.RoutingDecision;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the routing decision from inside the AGI session, so that every step's outcome
 * is read back from Asterisk and written on the ticket as it happens:
 * <ul>
 *   <li>Queue: {@code Queued}; {@code EXEC Queue}; then {@code MEMBERINTERFACE} (queues.conf
 *       {@code setinterfacevar=yes}) names the agent who answered ({@code Answered}); a queue
 *       timeout or empty queue goes to the last resort.</li>
 *   <li>Forward: per target, {@code Forwarded}; {@code EXEC Dial}; {@code DIALSTATUS}
 *       {@code ANSWER} gives {@code Answered(person)}; NOANSWER, BUSY, CHANUNAVAIL or CONGESTION
 *       tries the next target; CANCEL (caller gone) ends as abandoned.</li>
 *   <li>Last resort: the caller's message is recorded ({@code Voicemail(ref)}) or, when none
 *       is left, {@code NoAnswer}; both flag the ticket for call-back.</li>
 * </ul>
 * Ends with {@code HOTLINE_RESULT} and {@code HOTLINE_STATUS=OK}. Confined to one call.
 */
final class HotlineConnect {

    private static final Logger log = LoggerFactory.getLogger(HotlineConnect.class);

    private final AgiSession session;
    private final TicketStore tickets;
    private final HotlineFlowConfig config;
    private final CallRecord record;
    private final CallerQuestions questions;

    HotlineConnect(AgiSession session, TicketStore tickets, HotlineFlowConfig config, CallRecord record,
                   CallerQuestions questions) {
        this.session = session;
        this.tickets = tickets;
        this.config = config;
        this.record = record;
        this.questions = questions;
    }

    CompletableFuture<Void> connect() {
        RoutingDecision decision = record.decision;
        CompletableFuture<?> set = setAll(DecisionVariables.of(decision, config.dial()));
        if (decision instanceof RoutingDecision.Queue queue) {
            return set.thenCompose(x -> queue(queue.queue()));
        } else if (decision instanceof RoutingDecision.Forward forward) {
            return set.thenCompose(x -> questions.play(HotlinePrompts.CONNECTING, "forwarding"))
                    .thenCompose(x -> forward(forward.targets(), 0));
        }
        return set.thenCompose(x -> lastResort());
    }

    private CompletableFuture<Void> queue(String queue) {
        session.metrics().queued();
        return outcome(new CallOutcome.Queued(queue))
                .thenCompose(x -> session.send(new AgiCommand.Exec("Queue", queue, "", "", "",
                        Integer.toString(config.queueTimeoutSeconds()))))
                .thenCompose(x -> variable("MEMBERINTERFACE"))
                .thenCompose(member -> {
                    if (!member.isEmpty()) {
                        session.metrics().answered();
                        return outcome(new CallOutcome.Answered(config.agentsByDevice().getOrDefault(member, member)))
                                .thenCompose(x -> done("QUEUED_ANSWERED"));
                    }
                    if (session.hungUp()) {
                        throw new CallerHungUpException("the queue");
                    }
                    return variable("QUEUESTATUS").thenCompose(status -> {
                        log.info("ticket {}: queue {} ended with {}", record.ticket.number(), queue, status);
                        return lastResort();
                    });
                });
    }

    private CompletableFuture<Void> forward(List<ForwardTarget> targets, int index) {
        if (index >= targets.size()) {
            return lastResort();
        }
        ForwardTarget target = targets.get(index);
        String dialString = config.dial().dialString(target.number());
        session.metrics().forwarded();
        return outcome(new CallOutcome.Forwarded(target.personId(), target.number()))
                .thenCompose(x -> session.send(new AgiCommand.Exec("Dial", dialString,
                        Integer.toString(target.ringSeconds()))))
                .thenCompose(x -> variable("DIALSTATUS"))
                .thenCompose(status -> {
                    if (status.equals("ANSWER")) {
                        session.metrics().answered();
                        return outcome(new CallOutcome.Answered(target.personId())).thenCompose(x -> done("ANSWERED"));
                    }
                    if (status.equals("CANCEL") || session.hungUp()) {
                        throw new CallerHungUpException("forwarding to " + target.personId());
                    }
                    log.info("ticket {}: {} ({}) did not answer: {}", record.ticket.number(), target.personId(),
                            target.role(), status);
                    return forward(targets, index + 1);
                });
    }

    /** Nobody answered: take a message (unless one was left already) and flag a call-back. */
    private CompletableFuture<Void> lastResort() {
        if (record.message != null) {
            session.metrics().voicemail();
            return questions.play(HotlinePrompts.NOBODY, "the last resort")
                    .handle((x, hungUp) -> null)
                    .thenCompose(x -> outcome(new CallOutcome.Voicemail(record.message, record.messageKeptBy)))
                    .thenCompose(x -> done("MESSAGE"));
        }
        return questions.play(HotlinePrompts.NOBODY, "the last resort")
                .thenCompose(x -> questions.play(HotlinePrompts.MESSAGE_OFFER, "the last resort"))
                .thenCompose(x -> new VoiceRecorder(session, config, record).record("the voicemail"))
                .handle((ref, failure) -> {
                    if (failure != null && !(HotlineCall.unwrap(failure) instanceof CallerHungUpException)) {
                        throw new IllegalStateException(failure);
                    }
                    return record.message;
                })
                .thenCompose(message -> {
                    if (message == null) {
                        return outcome(new CallOutcome.NoAnswer()).thenCompose(x -> done("NO_ANSWER"));
                    }
                    session.metrics().voicemail();
                    long id = record.ticket.id();
                    return session.callAsync(() -> tickets.updateIntakeAsync(id, IntakeUpdate.none().withVoiceMessageRef(message)))
                            .handle((t, failure) -> null)
                            .thenCompose(x -> outcome(new CallOutcome.Voicemail(message, record.messageKeptBy)))
                            .thenCompose(x -> done("MESSAGE"));
                });
    }

    private CompletableFuture<Void> done(String result) {
        return session.setVariable(HotlineVariables.RESULT, result)
                .thenCompose(x -> session.setVariable(HotlineVariables.STATUS, "OK"))
                .thenAccept(x -> { });
    }

    /** Records an outcome on the ticket; a store failure is logged, never ends the call. */
    private CompletableFuture<Void> outcome(CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Answered || outcome instanceof CallOutcome.Voicemail
                || outcome instanceof CallOutcome.NoAnswer) {
            record.settled = true;
        }
        long id = record.ticket.id();
        return session.callAsync(() -> tickets.recordCallOutcomeAsync(id, outcome)).handle((ticket, failure) -> {
            if (failure != null) {
                log.warn("ticket {}: outcome {} not recorded: {}", record.ticket.number(), outcome,
                        HotlineCall.unwrap(failure).toString());
            }
            return null;
        });
    }

    private CompletableFuture<String> variable(String name) {
        return session.send(new AgiCommand.GetVariable(name))
                .thenApply(reply -> reply.resultNumber() == 1 ? reply.data().orElse("") : "");
    }

    private CompletableFuture<?> setAll(Map<String, String> variables) {
        CompletableFuture<AgiReply> last = completedFuture(null);
        for (var variable : variables.entrySet()) {
            last = session.setVariable(variable.getKey(), variable.getValue());
        }
        return last;
    }
}
