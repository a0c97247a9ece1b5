package org.hotline.domain.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.TicketStatus;

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

    /**
     * The KPIs of {@code query}, as of now: from the store's {@link KpiRollup} when it keeps one
     * for this rule and zone, else by scanning the facts; both give the same report.
     */
    public KpiReport report(KpiQuery query) {
        Instant asOf = clock.instant();
        Breakdown b = new Breakdown(query);
        List<Long> dissatisfied = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        Optional<KpiRollup> rollup = store.rollup(steps, zone);
        if (rollup.isPresent()) {
            KpiRollup.Summary sum = rollup.get().summary(query, asOf, LIST_LIMIT);
            sum.slices().forEach(slice -> b.add(slice.key(), slice.counts()));
            dissatisfied.addAll(sum.dissatisfied());
            failed.addAll(sum.failedCallbacks());
        } else {
            Instant from = query.start(zone);
            Instant to = query.end(zone);
            store.scan(from, to, query, f -> {
                if (!query.matches(f) || f.offeredAt().isBefore(from) || !f.offeredAt().isBefore(to)) {
                    return;
                }
                b.add(KpiSlice.Key.of(f, zone), new KpiCounts().add(f, steps, asOf));
                if (f.lastCallback() == CallbackResult.UNSATISFIED) {
                    dissatisfied.add(f.ticketId());
                } else if (f.lastCallback() == CallbackResult.NO_ANSWER) {
                    failed.add(f.ticketId());
                }
            });
        }
        return b.report(asOf, dissatisfied, failed);
    }

    /** One report's sums: the period, each day, and per line, kind, department and agent. */
    private final class Breakdown {
        private final KpiQuery query;
        private final KpiCounts total = new KpiCounts();
        private final TreeMap<LocalDate, KpiCounts> days = new TreeMap<>();
        private final Map<String, KpiCounts> byLine = new TreeMap<>();
        private final Map<String, KpiCounts> byKind = new TreeMap<>();
        private final Map<String, KpiCounts> byDepartment = new TreeMap<>();
        private final Map<String, KpiCounts> byAgent = new TreeMap<>();

        Breakdown(KpiQuery query) {
            this.query = query;
            for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
                days.put(d, new KpiCounts());
            }
        }

        /** Counts one slice's (or one ticket's) counts; a slice without tickets is left out. */
        void add(KpiSlice.Key k, KpiCounts c) {
            if (c.tickets() == 0) {
                return;
            }
            total.add(c);
            days.computeIfAbsent(k.day(), d -> new KpiCounts()).add(c);
            byLine.computeIfAbsent(k.line(), x -> new KpiCounts()).add(c);
            byKind.computeIfAbsent(k.kind() == null ? "unknown" : k.kind().name().toLowerCase(Locale.ROOT),
                    x -> new KpiCounts()).add(c);
            if (k.department() != null) {
                byDepartment.computeIfAbsent(k.department(), x -> new KpiCounts()).add(c);
            }
            if (k.agent() != null) {
                byAgent.computeIfAbsent(k.agent(), x -> new KpiCounts()).add(c);
            }
        }

        KpiReport report(Instant asOf, List<Long> dissatisfied, List<Long> failed) {
            Instant from = query.start(zone);
            Instant to = query.end(zone);
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
    }

    /**
     * The KPIs of {@code query} over time, as of now: by hour of the day (local time) and day by
     * day, each day with its backlog: the tickets of the query's line, kind and department still
     * open at its end (today: now), whenever they were accepted. A ticket is open from its
     * acceptance until it is closed; abandoned and missed calls' tickets stay open until someone
     * closes them, as the lifecycle has it.
     */
    public KpiSeries series(KpiQuery query) {
        Instant asOf = clock.instant();
        Instant from = query.start(zone);
        Instant to = query.end(zone);
        KpiCounts[] hours = new KpiCounts[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = new KpiCounts();
        }
        TreeMap<LocalDate, KpiCounts> days = new TreeMap<>();
        for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
            days.put(d, new KpiCounts());
        }
        store.scan(from, to, query, f -> {
            if (!query.matches(f) || f.offeredAt().isBefore(from) || !f.offeredAt().isBefore(to)) {
                return;
            }
            hours[LocalDateTime.ofInstant(f.offeredAt(), zone).getHour()].add(f, steps, asOf);
            days.get(LocalDate.ofInstant(f.offeredAt(), zone)).add(f, steps, asOf);
        });
        // the instant each day's backlog is taken at: its end, or now for today; days not begun have none
        List<Instant> at = new ArrayList<>();
        for (LocalDate d : days.keySet()) {
            Instant start = d.atStartOfDay(zone).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
            if (start.isAfter(asOf)) {
                break;
            }
            at.add(end.isAfter(asOf) ? asOf : end);
        }
        long[] open = backlog(query, from, at);
        List<KpiSeries.Day> dayList = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, KpiCounts> e : days.entrySet()) {
            Long backlog = i < at.size() ? open[i] : null;
            i++;
            dayList.add(new KpiSeries.Day(e.getKey(), calendar.isWorkingDay(e.getKey()), backlog, e.getValue().kpis()));
        }
        List<KpiSeries.Hour> hourList = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hourList.add(new KpiSeries.Hour(h, hours[h].kpis()));
        }
        return new KpiSeries(query, asOf, hourList, dayList);
    }

    /**
     * How many tickets of the query were open at each of the ascending instants {@code at} (after
     * {@code from}): accepted before the instant and not closed before it. One scan: each ticket
     * is open at a contiguous run of the instants, added to a difference array.
     */
    private long[] backlog(KpiQuery query, Instant from, List<Instant> at) {
        int n = at.size();
        long[] delta = new long[n + 1];
        if (n == 0) {
            return delta;
        }
        Instant[] points = at.toArray(Instant[]::new);
        store.scanOpen(from, points[n - 1].plusNanos(1), query, f -> {
            if (!query.matches(f)) {
                return;
            }
            Instant closed = f.reached().get(TicketStatus.CLOSED);
            int first = firstAfter(points, f.offeredAt());
            int last = closed == null ? n : firstAfter(points, closed);
            if (first < last) {
                delta[first]++;
                delta[last]--;
            }
        });
        long[] open = new long[n];
        long running = 0;
        for (int k = 0; k < n; k++) {
            running += delta[k];
            open[k] = running;
        }
        return open;
    }

    /** The index of the first point strictly after {@code t} ({@code points.length}: none). */
    private static int firstAfter(Instant[] points, Instant t) {
        int lo = 0;
        int hi = points.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points[mid].isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static List<Long> limit(List<Long> ids) {
        return ids.size() > LIST_LIMIT ? ids.subList(0, LIST_LIMIT) : ids;
    }

    /** The quarterly analysis's lists over the tickets accepted on {@code from..to} ({@link RepeatAnalysis}). */
    public RepeatAnalysis repeats(LocalDate from, LocalDate to) {
        return RepeatAnalysis.of(store, new org.hotline.domain.ticket.RepeatRule(zone), from, to);
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
        Map<KpiRollup.Topic, long[]> counts = new java.util.HashMap<>();
        topics(from, to, (t, n) -> counts.computeIfAbsent(t, k -> new long[2])[0] += n);
        topics(from.minusDays(days), from.minusDays(1), (t, n) -> counts.computeIfAbsent(t, k -> new long[2])[1] += n);
        return counts.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new HotTopic(e.getKey().kind(), e.getKey().location(), e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparingLong(HotTopic::calls).reversed()
                        .thenComparing(t -> t.kind().ordinal())
                        .thenComparing(t -> t.location() == null ? "" : t.location()))
                .limit(limit).toList();
    }

    /** Hands {@code each} the tickets of {@code from..to} per topic: from the rollup if kept, else by scanning. */
    private void topics(LocalDate from, LocalDate to, java.util.function.ObjLongConsumer<KpiRollup.Topic> each) {
        Optional<KpiRollup> rollup = store.rollup(steps, zone);
        if (rollup.isPresent()) {
            rollup.get().topics(from, to).forEach(each::accept);
            return;
        }
        KpiQuery q = KpiQuery.of(from, to);
        store.scan(q.start(zone), q.end(zone), q, f -> HotTopicKey.of(f, zone)
                .ifPresent(k -> each.accept(new KpiRollup.Topic(k.kind(), k.location()), 1)));
    }

    private static Map<String, Kpis> kpis(Map<String, KpiCounts> counts) {
        Map<String, Kpis> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.kpis()));
        return out;
    }
}
