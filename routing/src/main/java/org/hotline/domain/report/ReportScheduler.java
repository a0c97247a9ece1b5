package org.hotline.domain.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the scheduled reports when they are due, once across instances (the store's
 * {@link ReportStore#generate} holds the lock): the daily summary of each of the last
 * {@link #CATCH_UP_DAYS} days once it is over, the weekly hot topics of the last complete ISO week,
 * and the monthly report of a month, prepared at the close of its last working day and published
 * (recomputed over the whole month) at the opening of the first working day of the next month
 * ({@link ReportCalendar}), and the quarterly analysis of the last complete calendar quarter once it
 * is over. Run it every minute or so; a run after downtime catches up. Not
 * thread-safe on its own; the store makes concurrent runs (also on other instances) safe.
 */
public final class ReportScheduler {
    /** How many past days a run makes sure have their daily summary. */
    public static final int CATCH_UP_DAYS = 7;

    private final ReportStore store;
    private final ReportBuilder builder;
    private final ReportCalendar dates;
    private final Clock clock;
    private final ZoneId zone;

    public ReportScheduler(ReportStore store, ReportBuilder builder, ReportCalendar dates, ZoneId zone, Clock clock) {
        this.store = store;
        this.builder = builder;
        this.dates = dates;
        this.zone = zone;
        this.clock = clock;
    }

    /** Generates what is due and not yet generated; returns what it wrote (e.g. {@code "MONTHLY 2026-03-01 PREPARED"}). */
    public List<String> runOnce() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<String> wrote = new ArrayList<>();
        for (int back = CATCH_UP_DAYS; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            generate(wrote, ReportKind.DAILY, day, day, StoredReport.Status.PUBLISHED, now, () -> builder.daily(day));
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        generate(wrote, ReportKind.WEEKLY, monday, monday.plusDays(6), StoredReport.Status.PUBLISHED, now,
                () -> builder.weekly(monday));
        LocalDate lastQuarter = org.hotline.domain.ticket.RepeatRule.quarterOf(today).minusMonths(3);
        generate(wrote, ReportKind.QUARTERLY, lastQuarter, lastQuarter.plusMonths(3).minusDays(1),
                StoredReport.Status.PUBLISHED, now, () -> builder.quarterly(lastQuarter));
        YearMonth thisMonth = YearMonth.from(today);
        for (YearMonth m : List.of(thisMonth.minusMonths(1), thisMonth)) {
            if (!now.isBefore(dates.publishedAt(m))) {
                generate(wrote, ReportKind.MONTHLY, m.atDay(1), m.atEndOfMonth(), StoredReport.Status.PUBLISHED, now,
                        () -> builder.monthly(m));
            } else if (!now.isBefore(dates.preparedAt(m))) {
                generate(wrote, ReportKind.MONTHLY, m.atDay(1), m.atEndOfMonth(), StoredReport.Status.PREPARED, now,
                        () -> builder.monthly(m));
            }
        }
        return wrote;
    }

    private void generate(List<String> wrote, ReportKind kind, LocalDate from, LocalDate to, StoredReport.Status status,
            Instant now, java.util.function.Supplier<ReportDocument> build) {
        var existing = store.status(kind, from);
        if (existing.isPresent() && (existing.get() == status || existing.get() == StoredReport.Status.PUBLISHED)) {
            return; // the cheap check; the store checks again under its lock
        }
        if (store.generate(kind, from, to, status, now, build)) {
            wrote.add(kind + " " + from + " " + status);
        }
    }
}
