package org.hotline.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.deadline.PolicyDeadlines;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;

/**
 * What the reports count about one ticket and its call: the stored facts every KPI is computed
 * from (see {@code routing/KPIS.md}). One row per ticket in the rollup table {@code ticket_facts},
 * written in the same transaction as every change of the ticket, so reports survive restarts and
 * agree across instances. Built only by {@link #opened} and {@link #next}, which fold the ticket's
 * history event by event; the fold is the one place that says what a call's events mean (when it
 * started ringing, who answered and how, where the caller gave up). An immutable value.
 *
 * @param ticketId        the ticket
 * @param line            the line that was called
 * @param kind            kind of request, {@code null} until known
 * @param department      the responsible department once dispatched
 * @param confidential    a tip-off: counted in every KPI, never listed to a viewer who may not see it
 * @param callerNumber    the caller ID (repeat detection)
 * @param callbackNumber  the confirmed call-back number (repeat detection: the same caller)
 * @param location        the location given (repeat detection)
 * @param linkedTo        the earlier ticket this one is linked to (repeat detection), {@code null} if none
 * @param offeredAt       when the call reached the hotline (the ticket's acceptance time)
 * @param ringAt          when a person's phone first started ringing: the call joined an agent
 *                        queue or was forwarded to duty; {@code null}: never put through
 * @param queued          the call joined an agent queue
 * @param answeredAt      when a person first answered, {@code null}: nobody did
 * @param answeredBy      who answered (panel user or person id)
 * @param answeredAs      in what role the answer came, {@code null}: unanswered
 * @param dutyA           the first person the call was forwarded to (duty or lunch duty A)
 * @param dutyB           the second, a different person (B)
 * @param abandoned       where the caller hung up before an answer, {@code null}: did not
 * @param missed          the service never ran the call (reconciled from Asterisk's records)
 * @param reached         the first instant the ticket reached each of the statuses a deadline
 *                        step can be met by ({@link DeadlineStep#DONE_AT})
 * @param deadlines       due instant per deadline step ({@code .max} entries left out)
 * @param dispatchCount   dispatches so far (2 or more: re-dispatched)
 * @param callbackAttempts satisfaction call-backs recorded (reached or not)
 * @param lastCallback    the latest call-back's result, {@code null}: none yet
 * @param repeat          the same caller with the same issue earlier in the same quarter
 *                        ({@link org.hotline.domain.ticket.RepeatRule}), as the store found it
 */
public record TicketFacts(
        long ticketId,
        String line,
        RequestKind kind,
        String department,
        boolean confidential,
        String callerNumber,
        String callbackNumber,
        String location,
        Long linkedTo,
        Instant offeredAt,
        Instant ringAt,
        boolean queued,
        Instant answeredAt,
        String answeredBy,
        AnsweredAs answeredAs,
        String dutyA,
        String dutyB,
        Abandoned abandoned,
        boolean missed,
        Map<TicketStatus, Instant> reached,
        Map<String, Instant> deadlines,
        int dispatchCount,
        int callbackAttempts,
        CallbackResult lastCallback,
        boolean repeat) {

    /** The "three rings" service level: answered within this long after the phone started ringing. */
    public static final Duration SERVICE_LEVEL_THRESHOLD = Duration.ofSeconds(15);

    /** Who took the call. */
    public enum AnsweredAs {
        /** an agent from the line's queue */
        AGENT,
        /** the first duty person the call was forwarded to */
        DUTY_A,
        /** the second (backup) duty person */
        DUTY_B,
        /** someone else: the dialplan's fallback reached a phone while the service was down */
        FALLBACK
    }

    /** Where a caller who hung up before an answer was. */
    public enum Abandoned {
        /** in the menu, before any phone rang */
        IVR,
        /** waiting for a person: in an agent queue or while a duty phone rang */
        QUEUE
    }

    public TicketFacts {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(offeredAt, "offeredAt");
        EnumMap<TicketStatus, Instant> r = new EnumMap<>(TicketStatus.class);
        if (reached != null) {
            r.putAll(reached);
        }
        reached = Collections.unmodifiableMap(r);
        deadlines = deadlines == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(deadlines));
    }

    /** The facts of a ticket just opened for a call: offered, nothing else yet. */
    public static TicketFacts opened(Ticket t) {
        return new TicketFacts(t.id(), t.line(), null, null, false, t.callerNumber(), null, null, null, t.createdAt(),
                null, false, null, null, null, null, null, null, false, Map.of(), Map.of(), 0, 0, null, false);
    }

    /**
     * The facts after one change of the ticket: {@code action} is the history event's action
     * ({@code call-queued}, {@code call-answered}, {@code record-callback}, ...), {@code data} its
     * details and {@code at} its time; {@code after} the ticket as written.
     */
    public TicketFacts next(Ticket after, String action, Map<String, String> data, Instant at) {
        Instant ring = ringAt;
        boolean q = queued;
        Instant answered = answeredAt;
        String by = answeredBy;
        AnsweredAs as = answeredAs;
        String a = dutyA;
        String b = dutyB;
        Abandoned gaveUp = abandoned;
        boolean wasMissed = missed;
        int attempts = callbackAttempts;
        CallbackResult last = lastCallback;
        switch (action) {
            case "call-queued" -> {
                ring = ring == null ? at : ring;
                q = true;
            }
            case "call-forwarded" -> {
                ring = ring == null ? at : ring;
                String person = data.get("person");
                if (person != null && a == null) {
                    a = person;
                } else if (person != null && b == null && !person.equals(a)) {
                    b = person;
                }
            }
            case "call-answered" -> {
                if (answered == null) {
                    answered = at;
                    by = data.get("by");
                    as = by != null && by.equals(b) ? AnsweredAs.DUTY_B
                            : by != null && by.equals(a) ? AnsweredAs.DUTY_A
                            : q || a == null ? AnsweredAs.AGENT : AnsweredAs.FALLBACK;
                    gaveUp = null;
                }
            }
            case "call-missed" -> {
                wasMissed = true;
                if (answered == null && data.get("by") != null && "answered".equals(data.get("fallback"))) {
                    answered = at;
                    by = data.get("by");
                    as = AnsweredAs.FALLBACK;
                }
            }
            case "call-abandoned" -> {
                if (answered == null && gaveUp == null) {
                    gaveUp = ring == null ? Abandoned.IVR : Abandoned.QUEUE;
                }
            }
            case "record-callback" -> {
                attempts++;
                last = after.lastCallback();
            }
            default -> { }
        }
        EnumMap<TicketStatus, Instant> r = new EnumMap<>(TicketStatus.class);
        r.putAll(reached);
        for (TicketStatus s : DeadlineStep.DONE_AT) {
            if (!r.containsKey(s) && DeadlineStep.reached(after.status(), s)) {
                r.put(s, at);
            }
        }
        Map<String, Instant> due = new TreeMap<>();
        after.deadlines().forEach((step, when) -> {
            if (!step.endsWith(PolicyDeadlines.MAX_SUFFIX)) {
                due.put(step, when);
            }
        });
        return new TicketFacts(ticketId, line, after.kind(), after.department(), after.confidential(),
                after.callerNumber(), after.callbackNumber(), after.location(), after.linkedTo(), offeredAt, ring, q,
                answered, by, as, a, b, gaveUp, wasMissed, r, due, Math.max(dispatchCount, after.dispatchCount()),
                attempts, last, repeat);
    }

    /**
     * The facts of {@code current} folded from its whole history (for tickets written before the
     * facts were kept): each event is applied to the ticket as it was then, as far as the history
     * tells it (its status after the event, the dispatch count and the call-back result the event
     * records); what the history does not keep (kind, department, deadlines) is taken from
     * {@code current}. {@code history} in order, starting with the opening event.
     */
    public static TicketFacts replay(Ticket current, java.util.List<org.hotline.domain.ticket.HistoryEvent> history) {
        Ticket opened = current.toBuilder().status(TicketStatus.ACCEPTED).dispatchCount(0).lastCallback(null).build();
        TicketFacts f = opened(opened);
        int dispatches = 0;
        CallbackResult result = null;
        for (org.hotline.domain.ticket.HistoryEvent e : history) {
            if (e.seq() == 1 && "opened".equals(e.action())) {
                continue;
            }
            String d = e.data().get("dispatch");
            if (d != null && d.matches("[0-9]{1,9}")) {
                dispatches = Math.max(dispatches, Integer.parseInt(d));
            } else if ("redispatch".equals(e.action())) {
                dispatches++;
            }
            if ("record-callback".equals(e.action()) && e.data().get("result") != null) {
                try {
                    result = CallbackResult.valueOf(e.data().get("result"));
                } catch (IllegalArgumentException unknown) {
                    result = null;
                }
            } else if ("redispatch".equals(e.action())) {
                result = null;
            }
            Ticket then = current.toBuilder().status(e.toState()).dispatchCount(dispatches).lastCallback(result).build();
            f = f.next(then, e.action(), e.data(), e.at());
        }
        return f.withRepeat(false);
    }

    /** The same facts with the repeat flag the store found (same caller, same issue, same quarter). */
    public TicketFacts withRepeat(boolean isRepeat) {
        return new TicketFacts(ticketId, line, kind, department, confidential, callerNumber, callbackNumber, location,
                linkedTo, offeredAt, ringAt, queued, answeredAt, answeredBy, answeredAs, dutyA, dutyB, abandoned, missed,
                reached, deadlines, dispatchCount, callbackAttempts, lastCallback, isRepeat);
    }

    /** What the repeat rule reads of these facts. */
    public org.hotline.domain.ticket.RepeatRule.Contact contact() {
        return new org.hotline.domain.ticket.RepeatRule.Contact(ticketId, offeredAt, callerNumber, callbackNumber, kind,
                location, linkedTo);
    }

    /** How long the caller waited for a person, from the first ring to the answer; {@code null}: unknown. */
    public Duration waitForAnswer() {
        return answeredAt == null || ringAt == null ? null : Duration.between(ringAt, answeredAt);
    }
}
