package org.hotline.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.testing.InMemoryTicketFacts;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/**
 * The charts' series over Saturday 28 to Tuesday 31 March 2026 in Europe/Berlin (DST starts on
 * Sunday 29th: 02:00 becomes 03:00), computed on Monday 30th at 10:00, against answers worked out
 * by hand in the comments.
 */
class KpiSeriesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.empty(BERLIN)
            .weekdays("08:30-12:00", "13:30-17:30").calendar(), BERLIN);
    private final InMemoryTicketFacts store = new InMemoryTicketFacts();
    private final KpiReports reports = new KpiReports(store, calendar, StepRule.DEFAULTS,
            Clock.fixed(at("2026-03-30T10:00:00"), BERLIN));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    /** A complaint on {@code line}: offered, optionally queued and answered, resolved, closed, called back. */
    private static TicketFacts complaint(long id, String line, String offered, String ring, String answered,
            String resolved, String closed, String resolveDue, CallbackResult callback) {
        Map<TicketStatus, Instant> reached = new EnumMap<>(TicketStatus.class);
        if (resolved != null) {
            reached.put(TicketStatus.RESOLVED, at(resolved));
        }
        if (closed != null) {
            reached.put(TicketStatus.CLOSED, at(closed));
        }
        return new TicketFacts(id, line, RequestKind.COMPLAINT, null, false, "1390000000" + id, null, "1201", null,
                at(offered),
                ring == null ? null : at(ring), ring != null, answered == null ? null : at(answered),
                answered == null ? null : "lin", answered == null ? null : TicketFacts.AnsweredAs.AGENT, null, null,
                ring == null && answered == null ? TicketFacts.Abandoned.IVR : null, false, reached,
                resolveDue == null ? Map.of() : Map.of("resolve", at(resolveDue)), 0,
                callback == null ? 0 : 1, callback, false);
    }

    private KpiSeries complaintsLine() {
        store.put(complaint(1, "complaints", "2026-03-20T09:00:00", null, null, null, null, null, null)) // A: before, open
             .put(complaint(2, "complaints", "2026-03-25T09:00:00", null, null, null, "2026-03-28T15:00:00", null, null)) // B
             .put(complaint(3, "complaints", "2026-03-28T09:10:00", "2026-03-28T09:10:05", "2026-03-28T09:10:15",
                     "2026-03-29T11:00:00", "2026-03-29T12:00:00", "2026-03-30T09:00:00", null)) // C
             .put(complaint(4, "complaints", "2026-03-28T09:40:00", "2026-03-28T09:40:00", "2026-03-28T09:40:40",
                     null, null, "2026-03-29T09:00:00", null)) // D
             .put(complaint(5, "complaints", "2026-03-29T03:30:00", null, null, null, null, null, null)) // E
             .put(complaint(6, "complaints", "2026-03-30T09:59:00", "2026-03-30T09:59:02", "2026-03-30T09:59:10",
                     "2026-03-30T09:59:30", null, null, CallbackResult.SATISFIED)) // F
             .put(complaint(7, "service", "2026-03-28T10:00:00", null, null, null, null, null, null)); // H: other line
        return reports.series(new KpiQuery(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 31), Optional.of("complaints"),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void callsByHourOfTheDayAcrossThePeriodWithTheirServiceLevel() {
        KpiSeries s = complaintsLine();
        assertThat(s.hours()).hasSize(24).extracting(KpiSeries.Hour::hour).containsSequence(0, 1, 2, 3).endsWith(23);
        // 09:00-10:00 on any day: C (10 s), D (40 s) on the 28th and F (8 s) on the 30th; A was before the period
        Kpis nine = s.hours().get(9).kpis();
        assertThat(nine.offered()).isEqualTo(3);
        assertThat(nine.answered()).isEqualTo(3);
        assertThat(nine.answeredWithin15s()).isEqualTo(2);
        assertThat(nine.serviceLevel()).isEqualTo(2.0 / 3);
        // E at 03:30 CEST, the first hour after the DST change, gave up in the menu
        assertThat(s.hours().get(3).kpis().offered()).isEqualTo(1);
        assertThat(s.hours().get(3).kpis().abandonedInIvr()).isEqualTo(1);
        assertThat(s.hours().get(2).kpis().offered()).isZero();
        assertThat(s.hours().get(10).kpis().offered()).as("H is on another line").isZero();
        assertThat(s.hours().get(10).kpis().serviceLevel()).as("nothing to count: no rate").isNull();
    }

    @Test
    void eachDayHasItsKpisAndTheBacklogAtItsEnd() {
        KpiSeries s = complaintsLine();
        assertThat(s.days()).extracting(KpiSeries.Day::date).containsExactly(LocalDate.of(2026, 3, 28),
                LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 31));
        assertThat(s.days()).extracting(KpiSeries.Day::workingDay).containsExactly(false, false, true, true);
        // end of the 28th: A (accepted before the period), C and D; B was closed at 15:00
        // end of the 29th (a 23-hour day): A, D, E; C was closed at 12:00
        // the 30th, now (10:00): A, D, E and F (resolved and called back, not closed); the 31st has not begun
        assertThat(s.days()).extracting(KpiSeries.Day::backlog).containsExactly(3L, 3L, 4L, null);
        KpiSeries.Day sat = s.days().get(0);
        assertThat(sat.kpis().offered()).isEqualTo(2);
        assertThat(sat.kpis().serviceLevel()).isEqualTo(0.5);
        // C's resolve step met on time (29th 11:00, due 30th 09:00); D's due 29th 09:00 and unmet: late
        assertThat(sat.kpis().stepsDecided()).isEqualTo(2);
        assertThat(sat.kpis().timelyHandlingRate()).isEqualTo(0.5);
        assertThat(s.days().get(1).kpis().offered()).isEqualTo(1);
        assertThat(s.days().get(1).kpis().serviceLevel()).as("E rang nobody").isNull();
        Kpis mon = s.days().get(2).kpis();
        assertThat(mon.callbacksReached()).isEqualTo(1);
        assertThat(mon.satisfactionRate()).isEqualTo(1.0);
        assertThat(s.days().get(3).kpis().offered()).isZero();
    }

    @Test
    void withoutALineTheBacklogCountsEveryLine() {
        complaintsLine();
        KpiSeries all = reports.series(KpiQuery.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29)));
        // H (service line, 28th 10:00, open) joins both days
        assertThat(all.days()).extracting(KpiSeries.Day::backlog).containsExactly(4L, 4L);
        assertThat(all.hours().get(10).kpis().offered()).isEqualTo(1);
    }

    @Test
    void theSeriesAgreesWithTheReportOfTheSamePeriod() {
        KpiSeries s = complaintsLine();
        KpiReport r = reports.report(s.query());
        for (int i = 0; i < r.days().size(); i++) {
            assertThat(s.days().get(i).kpis()).isEqualTo(r.days().get(i).kpis());
        }
        long hoursOffered = s.hours().stream().mapToLong(h -> h.kpis().offered()).sum();
        assertThat(hoursOffered).isEqualTo(r.total().offered()).isEqualTo(4);
    }
}
