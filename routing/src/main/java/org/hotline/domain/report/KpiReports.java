package org.hotline.domain.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;

/**
 * Computes KPIs from the stored facts ({@link TicketFactStore}) with the formulas of
 * {@link KpiCounts}: the one source of the reports API, the exports and the wallboard's counters,
 * so they agree with each other, across restarts and across instances. Thread-safe.
 */
public final class KpiReports {
    /** How many dissatisfied tickets a report names at most. */
    public static final int LIST_LIMIT = 500;

    private final TicketFactStore store;
    private final WorkingCalendar calendar;
    private final StepRule steps;
    private final Clock clock;
    private final ZoneId zone;

    public KpiReports(TicketFactStore store, WorkingCalendar calendar, StepRule steps, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.steps = steps;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    /** The hotline's time zone (days and periods are local dates in it). */
    public ZoneId zone() {
        return zone;
    }

    /** The local date now. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Today's KPIs so far (the wallboard's counters). */
    public Kpis todaySoFar() {
        LocalDate today = today();
        KpiQuery q = KpiQuery.of(today, today);
        Instant asOf = clock.instant();
        KpiCounts counts = new KpiCounts();
        store.scan(q.start(zone), q.end(zone), q, f -> counts.add(f, steps, asOf));
        return counts.kpis();
    }

    /** The KPIs of {@code query}, as of now. */
    public KpiReport report(KpiQuery query) {
        Instant asOf = clock.instant();
        Instant from = query.start(zone);
        Instant to = query.end(zone);
        KpiCounts total = new KpiCounts();
        TreeMap<LocalDate, KpiCounts> days = new TreeMap<>();
        for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
            days.put(d, new KpiCounts());
        }
        Map<String, KpiCounts> byLine = new TreeMap<>();
        Map<String, KpiCounts> byKind = new TreeMap<>();
        Map<String, KpiCounts> byDepartment = new TreeMap<>();
        Map<String, KpiCounts> byAgent = new TreeMap<>();
        List<Long> dissatisfied = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        store.scan(from, to, query, f -> {
            if (!query.matches(f) || f.offeredAt().isBefore(from) || !f.offeredAt().isBefore(to)) {
                return;
            }
            total.add(f, steps, asOf);
            days.computeIfAbsent(LocalDate.ofInstant(f.offeredAt(), zone), d -> new KpiCounts()).add(f, steps, asOf);
            byLine.computeIfAbsent(f.line(), k -> new KpiCounts()).add(f, steps, asOf);
            byKind.computeIfAbsent(f.kind() == null ? "unknown" : f.kind().name().toLowerCase(Locale.ROOT),
                    k -> new KpiCounts()).add(f, steps, asOf);
            if (f.department() != null) {
                byDepartment.computeIfAbsent(f.department(), k -> new KpiCounts()).add(f, steps, asOf);
            }
            if (f.answeredAs() == TicketFacts.AnsweredAs.AGENT && f.answeredBy() != null) {
                byAgent.computeIfAbsent(f.answeredBy(), k -> new KpiCounts()).add(f, steps, asOf);
            }
            if (f.lastCallback() == CallbackResult.UNSATISFIED) {
                dissatisfied.add(f.ticketId());
            } else if (f.lastCallback() == CallbackResult.NO_ANSWER) {
                failed.add(f.ticketId());
            }
        });
        List<KpiReport.Day> dayList = new ArrayList<>();
        int working = 0;
        for (Map.Entry<LocalDate, KpiCounts> e : days.entrySet()) {
            boolean isWorking = calendar.isWorkingDay(e.getKey());
            working += isWorking ? 1 : 0;
            dayList.add(new KpiReport.Day(e.getKey(), isWorking, e.getValue().kpis()));
        }
        dissatisfied.sort(null);
        failed.sort(null);
        return new KpiReport(query, from, to, asOf, working, total.kpis(), store.callsRecordedByAsterisk(from, to),
                dayList, kpis(byLine), kpis(byKind), kpis(byDepartment), kpis(byAgent),
                limit(dissatisfied), limit(failed));
    }

    private static List<Long> limit(List<Long> ids) {
        return ids.size() > LIST_LIMIT ? ids.subList(0, LIST_LIMIT) : ids;
    }

    /** How often one kind of request came from one location. */
    public record HotTopic(RequestKind kind, String location, long calls, long previousCalls) {
    }

    /**
     * The kinds and locations asked about most in {@code from..to}, most first (ties by kind, then
     * location), at most {@code limit}, each with its count in the period of the same length just
     * before. Tickets without a kind are left out; a missing location counts as its own topic.
     */
    public List<HotTopic> hotTopics(LocalDate from, LocalDate to, int limit) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        Map<List<String>, long[]> counts = new java.util.HashMap<>();
        KpiQuery now = KpiQuery.of(from, to);
        KpiQuery before = KpiQuery.of(from.minusDays(days), from.minusDays(1));
        store.scan(now.start(zone), now.end(zone), now, f -> topic(counts, f, 0));
        store.scan(before.start(zone), before.end(zone), before, f -> topic(counts, f, 1));
        return counts.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new HotTopic(RequestKind.valueOf(e.getKey().get(0)), e.getKey().get(1), e.getValue()[0],
                        e.getValue()[1]))
                .sorted(java.util.Comparator.comparingLong(HotTopic::calls).reversed()
                        .thenComparing(t -> t.kind().ordinal())
                        .thenComparing(t -> t.location() == null ? "" : t.location()))
                .limit(limit).toList();
    }

    private static void topic(Map<List<String>, long[]> counts, TicketFacts f, int slot) {
        if (f.kind() == null || f.kind() == RequestKind.UNKNOWN) {
            return;
        }
        counts.computeIfAbsent(java.util.Arrays.asList(f.kind().name(), f.location()), k -> new long[2])[slot]++;
    }

    private static Map<String, Kpis> kpis(Map<String, KpiCounts> counts) {
        Map<String, Kpis> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.kpis()));
        return out;
    }
}
