package org.hotline.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.TicketFacts;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.testing.InMemoryTicketFacts;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.Urgency;
import org.hotline.panel.CallBoard;
import org.hotline.panel.CallCounters;
import org.junit.jupiter.api.Test;

/** The wallboard's counters come from the stored facts (today, local), its waiting callers from the live board. */
class StoredCallBoardTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"), SHANGHAI); // 10:00
    private final InMemoryTicketFacts facts = new InMemoryTicketFacts();
    private final CallCounters live = new CallCounters(clock, SHANGHAI);
    private final StoredCallBoard board = new StoredCallBoard(live, new KpiReports(facts,
            new WorkingCalendar(HotlineConfigBuilder.example().calendar(), SHANGHAI), StepRule.DEFAULTS, clock),
            clock, Duration.ofSeconds(2));

    private void call(long id, Instant at, String... actions) {
        Ticket t = new Ticket.Builder().id(id).number("HL-2026-" + id).line("complaints").urgency(Urgency.NORMAL)
                .status(TicketStatus.ACCEPTED).createdAt(at).updatedAt(at).build();
        TicketFacts f = TicketFacts.opened(t);
        for (String a : actions) {
            f = f.next(t, a, a.equals("call-forwarded") ? Map.of("person", "wang") : Map.of("by", "wang"), at.plusSeconds(5));
        }
        facts.put(f);
    }

    @Test
    void todaysCountersAreThoseOfTheStoredFactsAndAgreeWithThemselves() {
        call(1, clock.instant(), "call-queued", "call-answered", "call-answered", "call-answered");
        call(2, clock.instant(), "call-forwarded", "call-answered");
        call(3, clock.instant(), "call-queued", "call-abandoned");
        call(4, clock.instant(), "call-abandoned");
        call(5, Instant.parse("2026-03-01T15:59:59Z"), "call-queued", "call-answered"); // yesterday 23:59:59 local
        live.queued("9");

        CallBoard.Snapshot s = board.snapshot();
        assertThat(s.offered()).isEqualTo(4);
        assertThat(s.answered()).isEqualTo(2);
        assertThat(s.abandoned()).isEqualTo(2);
        assertThat(s.forwarded()).isEqualTo(1);
        assertThat(s.callsWaiting()).isEqualTo(1);

        call(6, clock.instant(), "call-queued");
        assertThat(board.snapshot().offered()).as("read at most every 2 s").isEqualTo(4);
        clock.advance(Duration.ofSeconds(2));
        assertThat(board.snapshot().offered()).isEqualTo(5);
    }

    @Test
    void whileTheFactsCannotBeReadTheLastCountsStay() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        org.hotline.domain.report.TicketFactStore flaky = new org.hotline.domain.report.TicketFactStore() {
            @Override
            public void scan(Instant from, Instant to, org.hotline.domain.report.KpiQuery q,
                    java.util.function.Consumer<TicketFacts> each) {
                if (down.get()) {
                    throw new org.hotline.domain.store.StoreUnavailableException("PostgreSQL is unreachable", null);
                }
                facts.scan(from, to, q, each);
            }

            @Override
            public void scanOpen(Instant from, Instant to, org.hotline.domain.report.KpiQuery q,
                    java.util.function.Consumer<TicketFacts> each) {
                facts.scanOpen(from, to, q, each);
            }

            @Override
            public java.util.OptionalLong callsRecordedByAsterisk(Instant from, Instant to) {
                return java.util.OptionalLong.empty();
            }
        };
        StoredCallBoard b = new StoredCallBoard(live, new KpiReports(flaky,
                new WorkingCalendar(HotlineConfigBuilder.example().calendar(), SHANGHAI), StepRule.DEFAULTS, clock),
                clock, Duration.ofSeconds(2));
        call(1, clock.instant(), "call-queued", "call-answered");
        assertThat(b.snapshot().answered()).isEqualTo(1);
        down.set(true);
        clock.advance(Duration.ofSeconds(3));
        live.queued("7");
        CallBoard.Snapshot s = b.snapshot();
        assertThat(s.answered()).isEqualTo(1);
        assertThat(s.callsWaiting()).isEqualTo(1);
    }
}
