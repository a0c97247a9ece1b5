package org.hotline.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.CalendarConfig;
import org.hotline.domain.config.TimeRange;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.ReportBuilder;
import org.hotline.domain.report.ReportDocument;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.TicketFactStore;
import org.hotline.storage.Storage;
import org.hotline.bench.BenchStorage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.embedded.EmbeddedRedisServer;

/**
 * The monthly report over N tickets (default 1,000,000) on the embedded PostgreSQL, through the
 * production path: {@code ReportBuilder.monthly} (KPIs, hot topics and the follow-up lists) over
 * {@code PgTicketFacts}, which offers its daily sums ({@code PgKpiRollup}), and the ticket store.
 * The data generator writes N tickets of March 2026 (Asia/Shanghai) and their {@code ticket_facts}
 * rows with one SQL statement each, with the mix of a busy hotline: 1/10 abandoned waiting, 1/7
 * re-dispatched, 1/5 dissatisfied, 1/5 not reached, 50,000 callers, 400 locations, 40 agents, 12
 * departments; the facts are then added to the sums by the production roll-up
 * ({@code PgTicketFacts.rollUp}, what a start does for facts written before the sums were kept).
 * Baselines in the same run, rounds interleaved: the direct computation (the same report scanning
 * every fact of the month, {@code TicketFactStore.scanning}), whose document must be equal, and
 * one {@code SELECT count(*)} over the month's facts. Prints each round and the medians.
 *
 * <p>Usage: {@code MonthlyReportBench [tickets] [rounds]}
 */
public final class MonthlyReportBench {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private MonthlyReportBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("hotline-report-bench");
        try {
            run(work, n, rounds);
        } finally {
            // a million tickets leave 2 GB of PostgreSQL files behind
            try (java.util.stream.Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path work, int n, int rounds) throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(work.resolve("postgres"));
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(work.resolve("redis"))) {
            StorageConfig config = BenchStorage.appConfig(pg, redis, work);
            Clock clock = Clock.fixed(Instant.parse("2026-04-01T02:00:00Z"), SHANGHAI);
            try (Storage storage = Storage.start(config, clock)) {
                long t0 = System.nanoTime();
                try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", null);
                        Statement s = c.createStatement()) {
                    generate(s, n);
                }
                System.out.printf(Locale.ROOT, "generated %,d tickets and their facts in %.1f s%n", n,
                        (System.nanoTime() - t0) / 1e9);
                // the facts were written by SQL, not by the repository: the production roll-up adds them to the sums
                long t1 = System.nanoTime();
                int rolled = storage.ticketFacts().rollUp();
                System.out.printf(Locale.ROOT, "added %,d facts to the daily sums (PgKpiRollup.rollUp) in %.1f s%n", rolled,
                        (System.nanoTime() - t1) / 1e9);
                try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", null);
                        Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE ticket_facts");
                    s.execute("VACUUM ANALYZE kpi_day_counts");
                    s.execute("VACUUM ANALYZE topic_day_counts");
                    try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM kpi_day_counts), "
                            + "(SELECT count(*) FROM topic_day_counts)")) {
                        rs.next();
                        System.out.printf(Locale.ROOT, "sums: %,d KPI rows, %,d hot-topic rows%n", rs.getLong(1),
                                rs.getLong(2));
                    }
                }
                WorkingCalendar calendar = new WorkingCalendar(weekdays(), SHANGHAI);
                // production: the service's KpiReports over storage's facts, which offer their sums for this rule
                ReportBuilder builder = new ReportBuilder(new KpiReports(storage.ticketFacts(), calendar,
                        StepRule.DEFAULTS, clock), storage.tickets());
                // the direct computation: the same report scanning every fact of the month
                ReportBuilder direct = new ReportBuilder(new KpiReports(TicketFactStore.scanning(storage.ticketFacts()),
                        calendar, StepRule.DEFAULTS, clock), storage.tickets());
                // warm-up: JIT, pool, PostgreSQL's caches; and the two must agree to the last cell
                ReportDocument expected = direct.monthly(MARCH);
                if (!builder.monthly(MARCH).equals(expected)) {
                    throw new IllegalStateException("the report from the sums differs from the direct computation");
                }
                baseline(storage);
                List<Double> report = new ArrayList<>();
                List<Double> scan = new ArrayList<>();
                List<Double> floor = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    long a = System.nanoTime();
                    ReportDocument doc = builder.monthly(MARCH);
                    double ms = (System.nanoTime() - a) / 1e6;
                    long d = System.nanoTime();
                    ReportDocument scanned = direct.monthly(MARCH);
                    double directMs = (System.nanoTime() - d) / 1e6;
                    long b = System.nanoTime();
                    long counted = baseline(storage);
                    double base = (System.nanoTime() - b) / 1e6;
                    report.add(ms);
                    scan.add(directMs);
                    floor.add(base);
                    String offered = doc.sections().get(0).rows().get(2).cells().get(1);
                    System.out.printf(Locale.ROOT, "round %d: monthly report %.0f ms (offered %s, same as direct: %s), "
                            + "direct %.0f ms, count(*) %.0f ms (%,d)%n", r, ms, offered, doc.equals(scanned) ? "yes" : "NO",
                            directMs, base, counted);
                }
                double m = median(report);
                double x = median(scan);
                double f = median(floor);
                System.out.printf(Locale.ROOT, "median: monthly report %.0f ms, direct computation %.0f ms (x%.1f), "
                        + "count(*) baseline %.0f ms, target < 2000 ms: %s%n", m, x, x / m, f, m < 2000 ? "met" : "NOT met");
            }
        }
    }

    private static long baseline(Storage storage) throws Exception {
        try (Connection c = storage.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM ticket_facts WHERE offered_at >= ? AND offered_at < ?")) {
            ps.setObject(1, MARCH.atDay(1).atStartOfDay(SHANGHAI).toOffsetDateTime());
            ps.setObject(2, MARCH.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toOffsetDateTime());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** N tickets spread evenly over March 2026 (local), and the facts the repository would have written. */
    static void generate(Statement s, int n) throws Exception {
        s.execute("SET synchronous_commit = off");
        s.execute("""
                INSERT INTO tickets (number, line, kind, urgency, status, caller_number, location, linkedid, department,
                                     dispatch_count, last_callback, version, created_at, updated_at)
                SELECT 'HL-BENCH-' || g, CASE WHEN g %% 3 = 0 THEN 'service' ELSE 'complaints' END,
                       (ARRAY['COMPLAINT','INQUIRY','REPAIR','SUGGESTION'])[1 + g %% 4], 'NORMAL', 'CLOSED',
                       '139' || lpad((g %% 50000)::text, 8, '0'), 'B' || (g %% 400), 'bench-' || g, 'dept' || (g %% 12),
                       1 + (g %% 7 = 0)::int, CASE g %% 5 WHEN 0 THEN 'UNSATISFIED' WHEN 1 THEN 'NO_ANSWER' ELSE 'SATISFIED' END,
                       1, ts, ts
                  FROM generate_series(1, %d) g,
                       LATERAL (SELECT timestamptz '2026-03-01 00:00:00+08' + (g - 1) * (interval '31 days' / %d) AS ts) t
                """.formatted(n, n));
        s.execute("""
                INSERT INTO ticket_facts (ticket_id, line, kind, department, caller_number, location, offered_at, ring_at,
                                          queued, answered_at, answered_by, answered_as, abandoned, dispatched_at,
                                          resolved_at, callback_at, closed_at, deadlines, dispatch_count,
                                          callback_attempts, last_callback, is_repeat)
                SELECT id, line, kind, department, caller_number, location, created_at, created_at + interval '20 s', true,
                       CASE WHEN id % 10 <> 0 THEN created_at + (20 + id % 30) * interval '1 s' END,
                       CASE WHEN id % 10 <> 0 THEN 'agent' || (id % 40) END,
                       CASE WHEN id % 10 <> 0 THEN 'AGENT' END,
                       CASE WHEN id % 10 = 0 THEN 'QUEUE' END,
                       created_at + interval '1 h', created_at + interval '1 day', created_at + interval '2 days',
                       created_at + interval '2 days',
                       jsonb_build_object('dispatch', (extract(epoch FROM created_at + interval '4 h') * 1000000)::bigint,
                                          'resolve', (extract(epoch FROM created_at + interval '20 h') * 1000000)::bigint),
                       dispatch_count, 1, last_callback, id % 9 = 0
                  FROM tickets WHERE linkedid LIKE 'bench-%'
                """);
        s.execute("ANALYZE tickets");
        s.execute("ANALYZE ticket_facts");
    }

    private static CalendarConfig weekdays() {
        List<TimeRange> hours = List.of(new TimeRange(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(12, 0)),
                new TimeRange(java.time.LocalTime.of(13, 30), java.time.LocalTime.of(17, 30)));
        java.util.Map<java.time.DayOfWeek, List<TimeRange>> week = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            if (d != java.time.DayOfWeek.SATURDAY && d != java.time.DayOfWeek.SUNDAY) {
                week.put(d, hours);
            }
        }
        return new CalendarConfig(week, java.util.Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int k = s.size();
        return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
    }
}
