package org.hotline.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The KPIs of one query over time, for the panel's charts: by hour of the day and day by day, with
 * the backlog. Computed by {@link KpiReports#series} from the stored facts with the formulas of
 * {@link KpiCounts}, so a chart never disagrees with the KPI table next to it. An immutable value.
 *
 * @param query what was counted
 * @param asOf  when it was computed: deadline steps due later are not decided yet, and the backlog
 *              of today is the backlog now
 * @param hours the 24 hours of the day (local time), each counting the tickets accepted in that
 *              hour on any day of the period; across a DST change a day has 23 or 25 hours, and
 *              the repeated hour is counted in its one bucket
 * @param days  each local date of the period, in order
 */
public record KpiSeries(KpiQuery query, Instant asOf, List<Hour> hours, List<Day> days) {

    /** One hour of the day, {@code 0} to {@code 23}. */
    public record Hour(int hour, Kpis kpis) {
    }

    /**
     * One local date: the KPIs of the tickets accepted on it, and its backlog.
     *
     * @param backlog tickets of the query open (accepted and not yet closed) at the end of the
     *                day, whenever they were accepted; for today, open at {@code asOf}; {@code null}
     *                for a day that has not begun
     */
    public record Day(LocalDate date, boolean workingDay, Long backlog, Kpis kpis) {
    }

    public KpiSeries {
        hours = List.copyOf(hours);
        days = List.copyOf(days);
    }
}
