package org.hotline.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * KPIs of one query: the whole period, each local day (with whether the working calendar made it
 * a working day), and the period broken down by line, kind, department and answering agent.
 *
 * @param query              what was counted
 * @param from               the first instant counted
 * @param to                 the first instant after the period
 * @param asOf               when it was computed: deadline steps due later are not decided yet
 * @param workingDays        working days in the period (holidays out, make-up days in)
 * @param total              the period
 * @param asteriskCallRecords calls Asterisk recorded in the period (all lines), empty: none kept
 * @param days               each local date of the period, in order
 * @param byLine             per line id
 * @param byKind             per kind of request ({@code unknown} when not chosen)
 * @param byDepartment       per responsible department (dispatched tickets)
 * @param byAgent            per agent who answered the call
 * @param dissatisfied       ids of tickets whose latest call-back found the caller dissatisfied
 * @param failedCallbacks    ids of tickets whose latest call-back did not reach the caller
 */
public record KpiReport(KpiQuery query, Instant from, Instant to, Instant asOf, int workingDays, Kpis total,
        OptionalLong asteriskCallRecords, List<Day> days, Map<String, Kpis> byLine, Map<String, Kpis> byKind,
        Map<String, Kpis> byDepartment, Map<String, Kpis> byAgent, List<Long> dissatisfied,
        List<Long> failedCallbacks) {

    /** One local date. */
    public record Day(LocalDate date, boolean workingDay, Kpis kpis) {
    }

    public KpiReport {
        days = List.copyOf(days);
        byLine = Map.copyOf(byLine);
        byKind = Map.copyOf(byKind);
        byDepartment = Map.copyOf(byDepartment);
        byAgent = Map.copyOf(byAgent);
        dissatisfied = List.copyOf(dissatisfied);
        failedCallbacks = List.copyOf(failedCallbacks);
    }
}
