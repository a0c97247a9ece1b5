package org.hotline.ivr.flow;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.hotline.domain.routing.UnknownLineException;
import org.hotline.domain.config.LineConfig;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiConnectionClosedException;
import org.hotline.ivr.agi.AgiSession;
import org.hotline.ivr.agi.DependencyTimeoutException;
import org.hotline.domain.routing.RoutingDecision;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hotline call, from answer to hand-off; reads like the conversation. The state below is
 * confined to the call: each step runs after the previous one completed (happens-before through
 * the futures), never two at once.
 */
final class HotlineCall {

    private static final Logger log = LoggerFactory.getLogger(HotlineCall.class);

    private final AgiSession session;
    private final HotlineRouting routing;
    private final TicketStore tickets;
    private final HotlineFlowConfig config;
    private final CallRecord record = new CallRecord();
    /**
     * The opening's hand-over between the store call and the flow: {@code null} while the store
     * works, then the ticket, or the outcome the flow recorded without it (it gave up waiting);
     * whichever side comes second records that outcome on the ticket, so a ticket opened after its
     * deadline still tells what the caller got.
     */
    private final java.util.concurrent.atomic.AtomicReference<Object> opening = new java.util.concurrent.atomic.AtomicReference<>();
    private CallerQuestions questions;

    HotlineCall(AgiSession session, HotlineRouting routing, TicketStore tickets, HotlineFlowConfig config) {
        this.session = session;
        this.routing = routing;
        this.tickets = tickets;
        this.config = config;
    }

    CompletableFuture<Void> run() {
        return answer()
                .thenCompose(x -> findLine())
                .thenCompose(x -> openTicket())
                .thenCompose(x -> greet())
                .thenCompose(x -> askKind())
                .thenCompose(x -> askCallbackNumber())
                .thenCompose(x -> askLocation())
                .thenCompose(x -> offerMessage())
                .thenCompose(x -> saveIntake())
                .thenCompose(x -> decide())
                .thenCompose(x -> new HotlineConnect(session, tickets, config, record, questions).connect())
                .handle((x, failure) -> failure == null ? completedFuture((Void) null) : recover(unwrap(failure)))
                .thenCompose(f -> f);
    }

    private CompletableFuture<Void> answer() {
        return session.send(new AgiCommand.Answer()).thenCompose(reply -> {
            if (reply.channelGone()) {
                throw new CallerHungUpException("answer");
            }
            return session.send(new AgiCommand.GetVariable("CHANNEL(linkedid)"));
        }).thenAccept(reply -> {
            String linkedid = reply.resultNumber() == 1 ? reply.data().orElse("") : "";
            if (linkedid.isBlank()) {
                linkedid = session.request().uniqueId();
            }
            record.linkedid = linkedid.isBlank() ? "agi-" + UUID.randomUUID() : linkedid;
        });
    }

    private CompletableFuture<Void> findLine() {
        String dialled = session.request().dialledNumber();
        return session.call(() -> routing.lineForNumber(dialled)).thenAccept(line -> {
            record.line = line.orElseThrow(() -> UnknownLineException.forDialledNumber(dialled));
            questions = new CallerQuestions(session, record.line, config.attempts(), config.keyTimeoutMillis());
        });
    }

    private CompletableFuture<Void> openTicket() {
        LineConfig line = record.line;
        var request = session.request();
        var intake = new CallIntake(line.id(), request.callerId().orElse(null), emptyToNull(request.get("calleridname")),
                request.uniqueId(), record.linkedid, config.clock().instant());
        return session.callAsync(() -> tickets.openForCallAsync(intake).thenApply(opened -> {
                    if (!opening.compareAndSet(null, opened) && opening.get() instanceof CallOutcome late) {
                        log.warn("call {}: ticket {} opened after the flow stopped waiting; recorded as {}",
                                request.uniqueId(), opened.number(), late.disposition());
                        // as interrupt() does: a kind, so the ticket gets its deadlines
                        CompletableFuture<Ticket> kind = late instanceof CallOutcome.Interrupted
                                ? tickets.updateIntakeAsync(opened.id(), IntakeUpdate.none().withKind(RequestKind.UNKNOWN))
                                : completedFuture(opened);
                        kind.thenCompose(t -> tickets.recordCallOutcomeAsync(opened.id(), late)).whenComplete((t, e) -> {
                            if (e != null) {
                                log.warn("ticket {}: the late call's outcome not recorded ({}); the AMI follower or "
                                        + "the reconciler records it", opened.number(), unwrap(e).toString());
                            }
                        });
                    }
                    return opened;
                }))
                .thenCompose(ticket -> {
                    record.ticket = ticket;
                    return session.setVariable(HotlineVariables.TICKET, ticket.number());
                })
                .thenCompose(x -> session.call(() -> routing.decide(line.id(), config.clock().instant(), false)))
                .thenAccept(first -> record.decision = first);
    }

    private CompletableFuture<Void> greet() {
        return questions.play(HotlinePrompts.greeting(record.decision.period()), "the greeting");
    }

    /** Menu: 1 complaint, 2 inquiry, 3 suggestion, 4 report, 5 repair, 9 (or 6) urgent. */
    private CompletableFuture<Void> askKind() {
        return questions.<RequestKind>ask("the menu", () -> questions.keys(HotlinePrompts.MENU, 1), entry -> {
            if (entry.star()) {
                return new Answer.Repeat<>();
            }
            if (entry.nothing()) {
                return new Answer.NoInput<>();
            }
            return menuChoice(entry.keys()).<Answer<RequestKind>>map(Answer.Accept::new).orElseGet(Answer.Invalid::new);
        }).thenAccept(kind -> record.kind = kind.orElse(null));
    }

    static Optional<RequestKind> menuChoice(String keys) {
        if (keys.length() != 1) {
            return Optional.empty();
        }
        char key = keys.charAt(0);
        return key == '9' ? Optional.of(RequestKind.URGENT) : RequestKind.fromDigit(key);
    }

    /**
     * Callback number: with a caller ID, it is read back and the caller presses 1 (or #) to
     * confirm or 2 to key another number; without one, the caller keys a number. A keyed number
     * is 5 to 20 digits ending with # (or a pause). When the tries run out the caller ID is kept
     * unconfirmed. Urgent calls skip the question and keep the caller ID.
     */
    private CompletableFuture<Void> askCallbackNumber() {
        Optional<String> callerId = session.request().callerId().filter(id -> id.matches("\\+?[0-9]{3,20}"));
        if (record.urgent()) {
            record.callback = callerId.orElse(null);
            return completedFuture(null);
        }
        CompletableFuture<Optional<String>> number;
        if (callerId.isPresent()) {
            number = questions.<Boolean>ask("the callback confirmation", () -> questions
                    .play(HotlinePrompts.CALLBACK_CONFIRM, "the callback number")
                    .thenCompose(x -> session.send(new AgiCommand.SayDigits(callerId.get().replace("+", ""), "")))
                    .thenCompose(x -> questions.keys(HotlinePrompts.CALLBACK_CHOICE, 1)), entry -> {
                        if (entry.star()) {
                            return new Answer.Repeat<>();
                        }
                        if (entry.nothing()) {
                            return new Answer.NoInput<>();
                        }
                        if (entry.poundOnly() || entry.keys().equals("1")) {
                            return new Answer.Accept<>(true);
                        }
                        return entry.keys().equals("2") ? new Answer.Accept<>(false) : new Answer.Invalid<>();
                    })
                    .thenCompose(confirmed -> confirmed.orElse(true)
                            ? completedFuture(callerId)
                            : askNumber());
        } else {
            number = askNumber();
        }
        return number.thenAccept(keyed -> record.callback = keyed.or(() -> callerId).orElse(null));
    }

    private CompletableFuture<Optional<String>> askNumber() {
        return askDigits("the callback number", HotlinePrompts.CALLBACK_ENTER, 5, 20);
    }

    /**
     * A digit entry ended by {@code #}: {@code *} repeats the question, nothing is no input,
     * {@code #} alone skips, and the answer is {@code min} to {@code max} digits.
     */
    private CompletableFuture<Optional<String>> askDigits(String what, String prompt, int min, int max) {
        return questions.<String>ask(what, () -> questions.keys(prompt, max), entry -> {
            if (entry.star()) {
                return new Answer.Repeat<>();
            }
            if (entry.nothing()) {
                return new Answer.NoInput<>();
            }
            if (entry.poundOnly()) {
                return new Answer.Skip<>();
            }
            String keys = entry.keys();
            boolean digits = keys.length() >= min && keys.length() <= max
                    && keys.chars().allMatch(c -> c >= '0' && c <= '9');
            return digits ? new Answer.Accept<>(keys) : new Answer.Invalid<>();
        });
    }

    /** Location code (building/unit/room), 1 to 12 digits ending with #, where the line asks. */
    private CompletableFuture<Void> askLocation() {
        if (!record.line.askLocation() || record.urgent()) {
            return completedFuture(null);
        }
        return askDigits("the location", HotlinePrompts.LOCATION, 1, 12)
                .thenAccept(location -> record.location = location.orElse(null));
    }

    /** "Press 1 to describe your request after the tone, # to skip." */
    private CompletableFuture<Void> offerMessage() {
        if (record.urgent()) {
            return completedFuture(null);
        }
        return questions.<Boolean>ask("the message offer", () -> questions.keys(HotlinePrompts.MESSAGE_OFFER, 1), entry -> {
            if (entry.star()) {
                return new Answer.Repeat<>();
            }
            if (entry.nothing()) {
                return new Answer.NoInput<>();
            }
            if (entry.poundOnly() || entry.keys().equals("2")) {
                return new Answer.Skip<>();
            }
            return entry.keys().equals("1") ? new Answer.Accept<>(true) : new Answer.Invalid<>();
        }).thenCompose(wanted -> wanted.isPresent()
                ? new VoiceRecorder(session, config, record).record("the message").thenAccept(ref -> { })
                : completedFuture(null));
    }

    private CompletableFuture<Void> saveIntake() {
        IntakeUpdate update = record.intakeUpdate();
        long id = record.ticket.id();
        CompletableFuture<Void> saved = session.callAsync(() -> tickets.updateIntakeAsync(id, update))
                .handle((ticket, failure) -> {
                    if (failure != null) {
                        log.warn("ticket {}: intake not saved ({}); routing the call anyway", record.ticket.number(),
                                unwrap(failure).toString());
                    }
                    return null;
                });
        return saved.thenCompose(x -> session.setVariable(HotlineVariables.KIND,
                record.kind == null ? "" : record.kind.configName())).thenAccept(reply -> { });
    }

    private CompletableFuture<Void> decide() {
        String lineId = record.line.id();
        boolean urgent = record.urgent();
        return session.call(() -> routing.decide(lineId, config.clock().instant(), urgent))
                .thenAccept(decision -> {
                    record.decision = decision;
                    record.routed = true;
                });
    }

    /**
     * Ends the call cleanly whatever went wrong; never leaves the caller in dead air, and tells
     * the ticket the truth: {@code Abandoned} only when Asterisk said the caller hung up
     * ({@code HANGUP}, 511, a {@code CANCEL} dial); anything else that stops the flow after the
     * ticket was opened is {@code Interrupted}, with the reason, a kind ({@code unknown} when none
     * was chosen) and so its deadlines.
     */
    private CompletableFuture<Void> recover(Throwable failure) {
        if (record.settled) {
            log.info("call {}: ended after its outcome was recorded: {}", session.request().uniqueId(), failure.toString());
            return completedFuture(null);
        }
        if (failure instanceof CallerHungUpException || session.hungUp()) {
            return abandon();
        }
        if (failure instanceof AgiConnectionClosedException) {
            // No HANGUP came first: Asterisk ended the session or the link broke, not the caller.
            log.warn("call {}: the FastAGI connection closed without a hangup: {}", session.request().uniqueId(),
                    failure.getMessage());
            interrupt("the FastAGI connection closed without a hangup");
            return completedFuture(null);
        }
        if (failure instanceof UnknownLineException unknown) {
            log.warn("call {}: {}", session.request().uniqueId(), unknown.getMessage());
            return session.setVariable(HotlineVariables.STATUS, "UNKNOWN_LINE").thenAccept(reply -> { });
        }
        log.warn("call {} on line {}: {}; fallback verdict set", session.request().uniqueId(),
                record.line == null ? "?" : record.line.id(), failure.toString());
        session.metrics().fallback();
        // The verdict first: the caller is waiting. The ticket is told in the background.
        return new FallbackVerdict(session, record, config.dial()).set()
                .whenComplete((x, verdictFailure) -> interrupt(reason(failure)));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof DependencyTimeoutException) {
            return failure.getMessage() + "; the dialplan's fallback took the call";
        }
        return "the flow could not go on (" + failure + "); the dialplan's fallback took the call";
    }

    /**
     * Records on the ticket (if one is open) what was captured, a kind ({@code unknown} when none
     * was chosen, so the ticket gets deadlines) and {@code Interrupted(reason)}. Not awaited by
     * the call: a store that is down must not keep the caller waiting.
     */
    private void interrupt(String reason) {
        if (record.ticket == null && !openedLate(new CallOutcome.Interrupted(reason))) {
            return;
        }
        long id = record.ticket.id();
        IntakeUpdate update = record.intakeUpdate().withKind(record.kind == null ? RequestKind.UNKNOWN : record.kind);
        session.callAsync(() -> tickets.updateIntakeAsync(id, update)
                .thenCompose(t -> tickets.recordCallOutcomeAsync(id, new CallOutcome.Interrupted(reason))))
                .whenComplete((ticket, failure) -> {
            if (failure != null) {
                log.warn("ticket {}: interrupted call not recorded ({}); the AMI follower or the reconciler records it",
                        record.ticket.number(), unwrap(failure).toString());
            }
        });
    }

    /** The caller left: keep what was captured and mark the call abandoned. */
    private CompletableFuture<Void> abandon() {
        session.metrics().abandoned();
        if (record.ticket == null && !openedLate(new CallOutcome.Abandoned())) {
            return completedFuture(null);
        }
        long id = record.ticket.id();
        IntakeUpdate update = record.intakeUpdate();
        return session.callAsync(() -> tickets.updateIntakeAsync(id, update)
                .thenCompose(t -> tickets.recordCallOutcomeAsync(id, new CallOutcome.Abandoned())))
                .handle((ticket, failure) -> {
            if (failure != null) {
                log.warn("ticket {}: abandoned call not recorded: {}", record.ticket.number(), unwrap(failure).toString());
            }
            return null;
        });
    }

    /**
     * With no ticket yet: true (and {@code record.ticket} set) if the store's opening has just
     * finished; otherwise leaves {@code outcome} for the opening to record when it finishes.
     */
    private boolean openedLate(CallOutcome outcome) {
        if (opening.compareAndSet(null, outcome)) {
            return false;
        }
        if (opening.get() instanceof Ticket t) {
            record.ticket = t;
            return true;
        }
        return false;
    }

    static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() || value.equalsIgnoreCase("unknown") ? null : value;
    }
}
