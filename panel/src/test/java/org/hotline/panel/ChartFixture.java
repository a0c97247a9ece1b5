package org.hotline.panel;

import org.hotline.domain.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.Classification;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;

/**
 * Yesterday's and today's calls through the real storage, for the charts' tests, with the answers
 * worked out by hand. Each complaint gets a resolve deadline 2 hours after the call
 * ({@link PanelHarness#call}).
 *
 * <pre>
 * yesterday 09:00 A  queued, answered after 10 s (within 15 s)      open, resolve overdue
 *           09:20 B  queued, answered after 40 s                    open, resolve overdue
 *           10:30 C  queued, caller hung up after 30 s              open, resolve overdue
 *           14:00 D  queued, answered after 5 s; resolved 14:40,
 *                    called back satisfied, closed 15:00            resolve on time
 * today     now   E  answered at once (rang no queue)               open
 * </pre>
 * Yesterday: 4 offered, 4 put through, 2 within 15 s: service level 50%; deadline steps 1 of 4 on
 * time: 25%; 1 caller reached, satisfied: 100%; open at the end of the day A, B, C: backlog 3.
 * Today: 1 offered, nobody put through (no service level), backlog now 4 (A, B, C, E).
 */
final class ChartFixture {
    final LocalDate yesterday;
    final LocalDate today;
    /** The local hour of today's call E. */
    final int todaysHour;

    private ChartFixture(LocalDate yesterday, LocalDate today, int todaysHour) {
        this.yesterday = yesterday;
        this.today = today;
        this.todaysHour = todaysHour;
    }

    static ChartFixture build(PanelHarness h, MutableClock clock) {
        LocalDate today = LocalDate.now(PanelHarness.ZONE);
        LocalDate yesterday = today.minusDays(1);
        Ticket a = queued(h, clock, yesterday, "09:00:00", "13900000001");
        answered(h, clock, a, yesterday, "09:00:10");
        Ticket b = queued(h, clock, yesterday, "09:20:00", "13900000002");
        answered(h, clock, b, yesterday, "09:20:40");
        Ticket c = queued(h, clock, yesterday, "10:30:00", "13900000003");
        clock.set(at(yesterday, "10:30:30"));
        h.tickets.recordCallOutcome(c.id(), new CallOutcome.Abandoned());
        Ticket d = queued(h, clock, yesterday, "14:00:00", "13900000004");
        Ticket t = answered(h, clock, d, yesterday, "14:00:05");
        Actor sam = new Actor("sam", Role.SUPERVISOR);
        clock.set(at(yesterday, "14:20:00"));
        t = h.tickets.apply(t.id(), t.version(), sam, new TicketAction.Dispatch("engineering", "lift 2"));
        t = h.tickets.apply(t.id(), t.version(), sam, new TicketAction.Classify(Classification.VALID, "our lift"));
        clock.set(at(yesterday, "14:40:00"));
        t = h.tickets.apply(t.id(), t.version(), sam, new TicketAction.Resolve("controller reset", "Li"));
        clock.set(at(yesterday, "14:50:00"));
        t = h.tickets.apply(t.id(), t.version(), sam, new TicketAction.RecordCallback(CallbackResult.SATISFIED, null));
        clock.set(at(yesterday, "15:00:00"));
        t = h.tickets.apply(t.id(), t.version(), sam, new TicketAction.Close("thanks"));
        if (t.status() != TicketStatus.CLOSED) {
            throw new AssertionError("the fixture's ticket D did not close: " + t.status());
        }
        clock.release();
        Ticket e = h.call("13900000005", "E", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        int hour = LocalDateTime.ofInstant(e.createdAt(), PanelHarness.ZONE).getHour();
        return new ChartFixture(yesterday, LocalDate.ofInstant(e.createdAt(), PanelHarness.ZONE), hour);
    }

    /** Offered calls per local hour 0-23 over yesterday and today. */
    List<Long> offeredByHour() {
        List<Long> out = new ArrayList<>(Collections.nCopies(24, 0L));
        out.set(9, 2L);
        out.set(10, 1L);
        out.set(14, 1L);
        out.set(todaysHour, out.get(todaysHour) + 1);
        return out;
    }

    /** Answered calls per local hour 0-23 over yesterday and today. */
    List<Long> answeredByHour() {
        List<Long> out = new ArrayList<>(Collections.nCopies(24, 0L));
        out.set(9, 2L);
        out.set(14, 1L);
        out.set(todaysHour, out.get(todaysHour) + 1);
        return out;
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(PanelHarness.ZONE).toInstant();
    }

    private static Ticket queued(PanelHarness h, MutableClock clock, LocalDate day, String time, String caller) {
        clock.set(at(day, time));
        return h.call(caller, "Caller " + caller.substring(caller.length() - 1), RequestKind.COMPLAINT,
                new CallOutcome.Queued("complaints"));
    }

    private static Ticket answered(PanelHarness h, MutableClock clock, Ticket t, LocalDate day, String time) {
        clock.set(at(day, time));
        return h.tickets.recordCallOutcome(t.id(), new CallOutcome.Answered("alice"));
    }
}
