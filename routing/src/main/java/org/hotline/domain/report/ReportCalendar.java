package org.hotline.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.hotline.domain.calendar.Interval;
import org.hotline.domain.calendar.WorkingCalendar;

/**
 * When the scheduled reports are due, on the working calendar (holidays, make-up days and
 * closures included). The monthly report of month M is <em>prepared</em> at the close of M's last
 * working day and <em>published</em> at the opening of the first working day of M+1, with the
 * whole month counted. Thread-safe (immutable).
 */
public final class ReportCalendar {
    private static final int SEARCH_DAYS = 366;
    private final WorkingCalendar calendar;

    public ReportCalendar(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The last working day of {@code month}. */
    public LocalDate lastWorkingDay(YearMonth month) {
        LocalDate d = month.atEndOfMonth();
        while (!calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
            if (d.isBefore(month.atDay(1))) {
                throw new IllegalStateException("the working calendar has no working day in " + month);
            }
        }
        return d;
    }

    /** The first working day of {@code month} (it may lie after the month if the whole month is closed). */
    public LocalDate firstWorkingDay(YearMonth month) {
        LocalDate d = month.atDay(1);
        for (int i = 0; !calendar.isWorkingDay(d); i++, d = d.plusDays(1)) {
            if (i > SEARCH_DAYS) {
                throw new IllegalStateException("the working calendar has no working day within a year of " + month);
            }
        }
        return d;
    }

    /** When {@code month}'s report is prepared: the close of its last working day. */
    public Instant preparedAt(YearMonth month) {
        return calendar.endOfWorkingDay(lastWorkingDay(month));
    }

    /** When {@code month}'s report is published: the opening of the first working day of the next month. */
    public Instant publishedAt(YearMonth month) {
        LocalDate first = firstWorkingDay(month.plusMonths(1));
        return calendar.workingIntervals(first).stream().map(Interval::start).findFirst()
                .orElseThrow(() -> new IllegalStateException("no working time on " + first));
    }
}
