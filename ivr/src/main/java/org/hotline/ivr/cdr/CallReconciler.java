package org.hotline.ivr.cdr;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.store.CallDetailRecord;
import org.hotline.domain.store.CallRecordStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.CallDisposition;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Asterisk's call records and the tickets agree: every call to a hotline number that
 * Asterisk recorded gets a ticket that tells what happened.
 * <ul>
 *   <li>A call without a ticket (the service was down, refused it, or lost it before the ticket)
 *       gets one, disposition {@link CallDisposition#MISSED}: the caller's number (when the caller
 *       ID is a number), the line of the dialled number, the time of the call, and what the
 *       dialplan's fallback did ({@link CallOutcome.Missed}: answered by whom, the voicemail box,
 *       or nobody, which asks for a call-back).</li>
 *   <li>A call whose ticket has no final outcome (none, queued, forwarded, interrupted: the service was cut
 *       off while it ran the call) gets the outcome of the record: answered, voicemail or no
 *       answer.</li>
 *   <li>A call whose ticket already has a final outcome is left as it is: nothing is counted twice.</li>
 * </ul>
 * A ticket the reconciler opens or completes without a kind gets {@link RequestKind#UNKNOWN}, so
 * that (through a deadline-assigning store) it has deadlines and the watcher escalates it.
 * Calls to numbers that are no line's are noted and left. Each call is reconciled once
 * ({@link CallRecordStore#markReconciled}); a pass runs in one instance of the service at a time
 * ({@link CallRecordStore#exclusively}). Tickets are opened through {@link TicketStore#openForCall},
 * idempotent by linkedid, so a call the service opens concurrently still has one ticket.
 *
 * <p>Thread-safe if its stores are; a pass is meant to run on one thread at a time.
 */
public final class CallReconciler {
    private static final Logger log = LoggerFactory.getLogger(CallReconciler.class);
    /** Dispositions after which the call has nothing more to tell. */
    private static final Set<CallDisposition> FINAL = EnumSet.of(CallDisposition.ANSWERED, CallDisposition.NO_ANSWER,
            CallDisposition.ABANDONED, CallDisposition.VOICEMAIL, CallDisposition.MISSED);
    private static final IntakeUpdate UNKNOWN_KIND = IntakeUpdate.none().withKind(RequestKind.UNKNOWN);
    private static final int CALLS_PER_PASS = 200;

    /** What one pass did, by call. */
    public record Pass(int missed, int completed, int alreadyTicketed, int notHotline, int failed) {
        static final Pass NONE = new Pass(0, 0, 0, 0, 0);

        Pass plus(Result r) {
            return new Pass(missed + (r == Result.MISSED ? 1 : 0), completed + (r == Result.COMPLETED ? 1 : 0),
                    alreadyTicketed + (r == Result.TICKETED ? 1 : 0), notHotline + (r == Result.NOT_HOTLINE ? 1 : 0),
                    failed + (r == Result.FAILED ? 1 : 0));
        }

        public int calls() {
            return missed + completed + alreadyTicketed + notHotline + failed;
        }
    }

    private enum Result { MISSED, COMPLETED, TICKETED, NOT_HOTLINE, FAILED }

    private final CallRecordStore records;
    private final TicketStore tickets;
    private final Function<String, Optional<LineConfig>> lineForNumber;
    private final FallbackParties parties;
    private final Duration settle;

    /**
     * @param records       Asterisk's call records
     * @param tickets       the tickets (with deadlines assigned, as the flow uses them)
     * @param lineForNumber the line of a dialled number ({@code lines[].numbers})
     * @param parties       who is behind an answering device
     * @param settle        how long after a call's last record it is reconciled (its records arrive together)
     */
    public CallReconciler(CallRecordStore records, TicketStore tickets, Function<String, Optional<LineConfig>> lineForNumber,
            FallbackParties parties, Duration settle) {
        this.records = records;
        this.tickets = tickets;
        this.lineForNumber = lineForNumber;
        this.parties = parties;
        this.settle = settle;
    }

    /**
     * Reconciles every settled call not yet reconciled, unless another instance is doing so.
     *
     * @throws org.hotline.domain.store.StoreUnavailableException the database cannot be reached
     */
    public Pass runOnce() {
        return records.exclusively(this::pass).orElse(Pass.NONE);
    }

    private Pass pass() {
        Pass pass = Pass.NONE;
        while (true) {
            List<List<CallDetailRecord>> calls = records.unreconciled(settle, CALLS_PER_PASS);
            Pass before = pass;
            for (List<CallDetailRecord> call : calls) {
                pass = pass.plus(reconcile(call));
            }
            if (calls.size() < CALLS_PER_PASS || pass.failed() > before.failed()) {
                return pass;
            }
        }
    }

    private Result reconcile(List<CallDetailRecord> records) {
        String linkedid = records.get(0).linkedid();
        RecordedCall call;
        try {
            call = RecordedCall.of(records);
        } catch (IllegalArgumentException e) {
            log.warn("call {}: unreadable call records, left alone: {}", linkedid, e.getMessage());
            this.records.markReconciled(linkedid, null, "unreadable");
            return Result.NOT_HOTLINE;
        }
        Optional<LineConfig> line = lineForNumber.apply(call.dialled());
        if (line.isEmpty()) {
            log.info("call {} to {} is no line's number (lines[].numbers): no ticket", linkedid, call.dialled());
            this.records.markReconciled(linkedid, null, "not-a-hotline-number");
            return Result.NOT_HOTLINE;
        }
        try {
            Optional<Ticket> existing = tickets.findByLinkedid(linkedid);
            if (existing.isPresent() && !existing.get().isProvisional()) {
                return complete(call, existing.get());
            }
            return openMissed(call, line.get());
        } catch (RuntimeException e) {
            log.warn("call {}: could not reconcile it now, retrying at the next pass: {}", linkedid, e.toString());
            return Result.FAILED;
        }
    }

    private Result complete(RecordedCall call, Ticket ticket) {
        if (ticket.callDisposition() != null && FINAL.contains(ticket.callDisposition())) {
            records.markReconciled(call.linkedid(), ticket.id(), "ticketed");
            return Result.TICKETED;
        }
        CallOutcome outcome;
        if (call.outcome() instanceof FallbackOutcome.AnsweredAt a) {
            outcome = new CallOutcome.Answered(parties.who(a.device()));
        } else if (call.outcome() instanceof FallbackOutcome.Voicemail v) {
            outcome = new CallOutcome.Voicemail(v.box(), CallOutcome.Voicemail.KEPT_IN_VOICEMAIL_BOX);
        } else {
            outcome = new CallOutcome.NoAnswer();
        }
        giveAKind(ticket); // first, as for a missed call: the outcome is the last word
        tickets.recordCallOutcome(ticket.id(), outcome);
        records.markReconciled(call.linkedid(), ticket.id(), "completed-" + call.outcomeWord());
        log.info("ticket {} (call {}): the call record completes it: {}", ticket.number(), call.linkedid(),
                call.outcomeWord());
        return Result.COMPLETED;
    }

    private Result openMissed(RecordedCall call, LineConfig line) {
        if (call.callerNumber().isEmpty() && !call.callerIdAsReceived().isEmpty()) {
            log.info("call {}: caller ID '{}' is not a phone number; the ticket has none", call.linkedid(),
                    printable(call.callerIdAsReceived()));
        }
        Ticket ticket = tickets.openForCall(new CallIntake(line.id(), call.callerNumber().orElse(null),
                call.callerName().orElse(null), call.uniqueid(), call.linkedid(), call.at()));
        if (ticket.isProvisional()) {
            throw new IllegalStateException("the ticket was spooled (PostgreSQL unreachable)");
        }
        if (ticket.callDisposition() != null && FINAL.contains(ticket.callDisposition())) {
            records.markReconciled(call.linkedid(), ticket.id(), "ticketed");
            return Result.TICKETED; // the service opened it meanwhile and finished the call
        }
        CallOutcome.Missed missed;
        if (call.outcome() instanceof FallbackOutcome.AnsweredAt a) {
            missed = new CallOutcome.Missed(parties.who(a.device()), parties.agentAt(a.device()).orElse(null), null);
        } else if (call.outcome() instanceof FallbackOutcome.Voicemail v) {
            missed = new CallOutcome.Missed(null, null, v.box());
        } else {
            missed = new CallOutcome.Missed(null, null, null);
        }
        giveAKind(ticket); // first: the ticket is MISSED only once it has its kind and deadlines
        tickets.recordCallOutcome(ticket.id(), missed);
        records.markReconciled(call.linkedid(), ticket.id(), "missed-" + call.outcomeWord());
        log.info("ticket {}: missed call {} from {} to {} at {} ({}), from Asterisk's call record", ticket.number(),
                call.linkedid(), call.callerNumber().orElse("an unknown number"), call.dialled(), call.at(),
                call.outcomeWord());
        return Result.MISSED;
    }

    /** A ticket without a kind gets {@link RequestKind#UNKNOWN}, and so its policy's deadlines. */
    private void giveAKind(Ticket ticket) {
        if (ticket.kind() == null) {
            tickets.updateIntake(ticket.id(), UNKNOWN_KIND);
        }
    }

    private static String printable(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
