package org.hotline.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.testing.InMemoryReports;
import org.hotline.domain.testing.InMemoryTicketFacts;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.Urgency;
import org.junit.jupiter.api.Test;

/**
 * When the scheduled reports are prepared and published on the working calendar: October 2026 in
 * Shanghai starts with the National Day holiday (1-7 October), so September's monthly report is
 * published on Thursday 8 October; the make-up Saturday 10 October is a working day.
 */
class ReportScheduleTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.empty(SHANGHAI)
            .weekdays("08:30-12:00", "13:30-17:30")
            .holiday("2026-10-01", "2026-10-07", "National Day")
            .makeUpDay("2026-09-27", "make-up Sunday")
            .makeUpDay("2026-10-10", "make-up Saturday")
            .holiday("2026-10-30", "a closing Friday")
            .calendar(), SHANGHAI);
    private final ReportCalendar dates = new ReportCalendar(calendar);
    private final MutableClock clock = new MutableClock(local("2026-09-30T17:29:00"), SHANGHAI);
    private final InMemoryTicketFacts facts = new InMemoryTicketFacts();
    private final InMemoryTickets tickets = new InMemoryTickets(clock);
    private final InMemoryReports store = new InMemoryReports();
    private final KpiReports kpis = new KpiReports(facts, calendar, StepRule.DEFAULTS, clock);
    private final ReportScheduler scheduler = new ReportScheduler(store, new ReportBuilder(kpis, tickets), dates,
            SHANGHAI, clock);

    private static Instant local(String t) {
        return ZonedDateTime.of(LocalDateTime.parse(t), SHANGHAI).toInstant();
    }

    @Test
    void aMonthWhoseFirstDayIsAHolidayIsPublishedOnItsFirstWorkingDay() {
        assertThat(dates.lastWorkingDay(YearMonth.of(2026, 9))).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(dates.preparedAt(YearMonth.of(2026, 9))).isEqualTo(local("2026-09-30T17:30:00"));
        assertThat(dates.firstWorkingDay(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(dates.publishedAt(YearMonth.of(2026, 9))).isEqualTo(local("2026-10-08T08:30:00"));
        // October ends on Saturday 31st; Friday 30th is closed: its last working day is Thursday 29th
        assertThat(dates.lastWorkingDay(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 10, 29));
        // a make-up Saturday can be the first working day: January 2026 starts on a Thursday
        assertThat(dates.firstWorkingDay(YearMonth.of(2026, 1))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void theMonthlyReportIsPreparedThenPublishedOnceWithTheWholeMonth() {
        Ticket t = tickets.put(new Ticket.Builder().id(1).number("HL-2026-000001").line("complaints")
                .kind(RequestKind.COMPLAINT).urgency(Urgency.NORMAL).status(TicketStatus.ACCEPTED).location("楼 3")
                .createdAt(local("2026-09-30T20:00:00")).updatedAt(local("2026-09-30T20:00:00")).build());

        assertThat(scheduler.runOnce()).contains("MONTHLY 2026-08-01 PUBLISHED")   // August's, due since 1 September
                .noneMatch(s -> s.startsWith("MONTHLY 2026-09"));                         // 17:29, not yet
        clock.set(local("2026-09-30T17:30:00"));
        assertThat(scheduler.runOnce()).contains("MONTHLY 2026-09-01 PREPARED");
        assertThat(scheduler.runOnce()).isEmpty();                                 // once
        facts.put(TicketFacts.opened(t).next(t, "intake", Map.of(), t.createdAt())); // a call that evening

        clock.set(local("2026-10-05T10:00:00"));                                   // a holiday: still prepared
        assertThat(scheduler.runOnce()).noneMatch(s -> s.startsWith("MONTHLY"));
        assertThat(monthly().status()).isEqualTo(StoredReport.Status.PREPARED);
        assertThat(offered(monthly())).isEqualTo("0");

        clock.set(local("2026-10-08T08:30:00"));
        assertThat(scheduler.runOnce()).contains("MONTHLY 2026-09-01 PUBLISHED");
        StoredReport published = monthly();
        assertThat(published.status()).isEqualTo(StoredReport.Status.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(local("2026-10-08T08:30:00"));
        assertThat(offered(published)).as("published over the whole month").isEqualTo("1");
        int builds = store.builds();
        clock.set(local("2026-10-08T09:30:00"));
        assertThat(scheduler.runOnce()).isEmpty();
        assertThat(store.builds()).isEqualTo(builds);
    }

    @Test
    void dailyAndWeeklyReportsAreGeneratedOnceTheirPeriodIsOverAndCatchUpAfterDowntime() {
        clock.set(local("2026-10-14T00:05:00")); // a Wednesday
        List<String> wrote = scheduler.runOnce();
        assertThat(wrote).contains("DAILY 2026-10-13 PUBLISHED", "DAILY 2026-10-07 PUBLISHED",
                "WEEKLY 2026-10-05 PUBLISHED").doesNotContain("DAILY 2026-10-14 PUBLISHED", "DAILY 2026-10-06 PUBLISHED");
        assertThat(wrote).filteredOn(s -> s.startsWith("DAILY")).hasSize(ReportScheduler.CATCH_UP_DAYS);
        assertThat(scheduler.runOnce()).isEmpty();
        StoredReport weekly = store.list(100).stream().filter(r -> r.kind() == ReportKind.WEEKLY).findFirst().orElseThrow();
        assertThat(weekly.to()).isEqualTo(LocalDate.of(2026, 10, 11));
        assertThat(weekly.document().title()).isEqualTo("Weekly hot topics 2026-W41 (2026-10-05 to 2026-10-11)");
        assertThat(weekly.document().sections().get(0).title()).isEqualTo("Hot topics by kind and location");
    }

    @Test
    void hotTopicsCountKindAndLocationAgainstThePreviousWeek() {
        put(1, "2026-10-06T10:00:00", RequestKind.REPAIR, "楼 3");
        put(2, "2026-10-07T10:00:00", RequestKind.REPAIR, "楼 3");
        put(3, "2026-10-08T10:00:00", RequestKind.COMPLAINT, "楼 3");
        put(4, "2026-09-30T10:00:00", RequestKind.REPAIR, "楼 3");   // the week before
        put(5, "2026-10-09T10:00:00", null, null);                    // no kind: no topic
        assertThat(kpis.hotTopics(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11), 10)).containsExactly(
                new KpiReports.HotTopic(RequestKind.REPAIR, "楼 3", 2, 1),
                new KpiReports.HotTopic(RequestKind.COMPLAINT, "楼 3", 1, 0));
    }

    @Test
    void theQuarterlyAnalysisListsRepeatCallersAndRepeatedRepairsOnceTheQuarterIsOverConfidentialRowsMarked() {
        caller(1, "2026-07-02T10:00:00", "13911112222", RequestKind.COMPLAINT, "3-2-101", false);
        caller(2, "2026-08-02T10:00:00", "13911112222", RequestKind.COMPLAINT, "3-2-101", false);   // repeats 1
        caller(3, "2026-09-02T10:00:00", "13933334444", RequestKind.REPORT, "gate", true);
        caller(4, "2026-09-03T10:00:00", "13933334444", RequestKind.REPORT, "gate", true);         // a tip-off repeated
        caller(5, "2026-09-04T10:00:00", "13955556666", RequestKind.COMPLAINT, "3-2-101", false);  // another caller
        for (int i = 0; i < 3; i++) {
            caller(10 + i, "2026-0" + (7 + i) + "-10T10:00:00", "1380000000" + i, RequestKind.REPAIR, "Lift B", false);
        }
        caller(20, "2026-10-02T10:00:00", "13911112222", RequestKind.COMPLAINT, "3-2-101", false); // next quarter
        clock.set(local("2026-09-30T23:59:00"));
        assertThat(scheduler.runOnce()).noneMatch(s -> s.startsWith("QUARTERLY 2026-07-01"));
        clock.set(local("2026-10-01T00:01:00"));
        assertThat(scheduler.runOnce()).contains("QUARTERLY 2026-07-01 PUBLISHED");
        assertThat(scheduler.runOnce()).noneMatch(s -> s.startsWith("QUARTERLY"));
        StoredReport q = store.list(100).stream().filter(r -> r.kind() == ReportKind.QUARTERLY).findFirst().orElseThrow();
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q.document().title()).isEqualTo("Quarterly analysis 2026-Q3 (2026-07-01 to 2026-09-30)");
        ReportDocument.Section summary = section(q, "Summary");
        assertThat(value(summary, "repeat callers (the same issue twice or more)")).isEqualTo("2");
        assertThat(value(summary, "their tickets")).isEqualTo("4 (2 repeats)");
        assertThat(value(summary, "locations repaired 3 times or more")).isEqualTo("1");
        ReportDocument.Section callers = section(q, "Repeat callers");
        assertThat(callers.rows()).extracting(ReportDocument.Row::ticketId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(callers.rows()).extracting(ReportDocument.Row::confidential).containsExactly(false, false, true, true);
        assertThat(callers.rows().get(0).cells()).startsWith("#1", "13911112222", "HL-1");
        ReportDocument.Section repairs = section(q, "Repeated repairs");
        assertThat(repairs.rows()).extracting(ReportDocument.Row::ticketId).containsExactly(10L, 11L, 12L);
        assertThat(repairs.rows().get(0).cells()).startsWith("Lift B", "3", "HL-10");
    }

    private static ReportDocument.Section section(StoredReport r, String title) {
        return r.document().sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    private static String value(ReportDocument.Section s, String indicator) {
        return s.rows().stream().filter(r -> r.cells().get(0).equals(indicator)).findFirst().orElseThrow().cells().get(1);
    }

    private void caller(long id, String at, String number, RequestKind kind, String location, boolean confidential) {
        Ticket t = tickets.put(new Ticket.Builder().id(id).number("HL-" + id).line("complaints").kind(kind)
                .location(location).callerNumber(number).confidential(confidential).urgency(Urgency.NORMAL)
                .status(TicketStatus.ACCEPTED).createdAt(local(at)).updatedAt(local(at)).build());
        facts.put(TicketFacts.opened(t).next(t, "intake", Map.of(), local(at)));
    }

    private void put(long id, String at, RequestKind kind, String location) {
        Ticket t = new Ticket.Builder().id(id).number("HL-" + id).line("complaints").kind(kind).location(location)
                .urgency(Urgency.NORMAL).status(TicketStatus.ACCEPTED).createdAt(local(at)).updatedAt(local(at)).build();
        facts.put(TicketFacts.opened(t).next(t, "intake", Map.of(), local(at)));
    }

    private StoredReport monthly() {
        return store.list(100).stream().filter(r -> r.kind() == ReportKind.MONTHLY
                && r.from().equals(LocalDate.of(2026, 9, 1))).findFirst().orElseThrow();
    }

    private static String offered(StoredReport r) {
        return r.document().sections().get(0).rows().stream().filter(row -> row.cells().get(0).equals("calls offered"))
                .findFirst().orElseThrow().cells().get(1);
    }
}
