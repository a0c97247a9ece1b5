package org.hotline.bench.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.hotline.storage.Storage;
import org.hotline.bench.BenchStorage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.embedded.EmbeddedRedisServer;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.store.Claim;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.Urgency;

/**
 * Storage benchmark. Starts a fresh embedded PostgreSQL and Redis in a temporary directory and, on
 * that same server in the same run:
 * <ol>
 *   <li>ticket intake ({@code TicketStore.openForCall}: ticket, opening history event and caller
 *       upsert committed, then the ticket read back) with 1, 16 and 64 concurrent writers;</li>
 *   <li>{@code pgbench} running a single-row insert transaction with the same client counts;</li>
 *   <li>dispatch-queue claims by 200 concurrent claimers.</li>
 * </ol>
 * Each measurement is repeated; medians are printed as a Markdown table.
 *
 * <p>Arguments (all optional): {@code seconds-per-run} (default 8), {@code repetitions} (3),
 * {@code pgbench path} ({@code /usr/bin/pgbench}).
 */
public final class IntakeBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String pgbench = args.length > 2 ? args[2] : "/usr/bin/pgbench";
        int[] clients = {1, 16, 64};

        Path work = Files.createTempDirectory("hotline-bench");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(work.resolve("postgres"));
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(work.resolve("redis"))) {
            StorageConfig config = BenchStorage.appConfig(pg, redis, work);
            PgbenchRun baseline = new PgbenchRun(pgbench, pg.port(), "postgres", "postgres", work);
            List<String> rows = new ArrayList<>();
            List<String> sqlRows = new ArrayList<>();
            try (Storage storage = Storage.start(config, Clock.systemUTC())) {
                try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", null);
                        Statement s = c.createStatement()) {
                    s.execute(PgbenchRun.TABLE); // same database, after the migrations
                }
                intake(storage, 4, 2, "warmup"); // JIT and pool warm-up, not reported
                baseline.run(4, 2);
                for (int n : clients) {
                    List<RunResult> ours = new ArrayList<>();
                    List<RunResult> theirs = new ArrayList<>();
                    List<RunResult> sqlOnly = new ArrayList<>();
                    for (int r = 0; r < reps; r++) {
                        ours.add(intake(storage, n, seconds, "r" + r));
                        theirs.add(baseline.run(n, seconds));
                        sqlOnly.add(baseline.run(n, seconds, PgbenchRun.INTAKE_SCRIPT, "pgbench intake statement"));
                        System.err.printf("  %d writers, rep %d: ours %.0f/s p99 %.2f ms; pgbench %.0f/s p99 %.2f ms%n",
                                n, r, ours.get(r).perSecond(), ours.get(r).p99(), theirs.get(r).perSecond(), theirs.get(r).p99());
                    }
                    RunResult o = median(ours);
                    RunResult t = median(theirs);
                    RunResult q = median(sqlOnly);
                    List<Double> ratios = new ArrayList<>();
                    for (int r = 0; r < reps; r++) {
                        ratios.add(ours.get(r).perSecond() / theirs.get(r).perSecond());
                    }
                    ratios.sort(Double::compare);
                    double pairedRatio = ratios.get(ratios.size() / 2);
                    sqlRows.add(String.format("| %d | %.0f | %.2f | %.2f |", n, q.perSecond(), q.p50(), q.p99()));
                    rows.add(String.format("| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f |", n, o.perSecond(),
                            o.p50(), o.p99(), t.perSecond(), t.p50(), t.p99(), o.perSecond() / t.perSecond(), pairedRatio));
                }
                System.out.println("Ticket intake vs pgbench single-row insert (medians of " + reps + " runs of "
                        + seconds + " s, same embedded PostgreSQL)");
                System.out.println();
                System.out.println("| writers | intake/s | intake p50 ms | intake p99 ms | pgbench tx/s | pgbench p50 ms | pgbench p99 ms | ratio of medians | median of paired ratios |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                rows.forEach(System.out::println);
                System.out.println();
                System.out.println("For reference: the intake statement itself driven by pgbench's C client (no JVM, no pool)");
                System.out.println();
                System.out.println("| clients | tx/s | p50 ms | p99 ms |");
                System.out.println("|---:|---:|---:|---:|");
                sqlRows.forEach(System.out::println);
                System.out.println();

                List<RunResult> claims = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    claims.add(claims(storage.queue(), 200, 20_000));
                    System.err.printf("  claims rep %d: %.0f/s p99 %.2f ms%n", r, claims.get(r).perSecond(), claims.get(r).p99());
                }
                RunResult c = median(claims);
                System.out.println("Dispatch queue claims, 200 concurrent claimers, 20,000 queued tickets (median of " + reps + " runs)");
                System.out.println();
                System.out.println("| claimers | claims/s | p50 ms | p99 ms |");
                System.out.println("|---:|---:|---:|---:|");
                System.out.printf("| 200 | %.0f | %.2f | %.2f |%n", c.perSecond(), c.p50(), c.p99());
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static RunResult median(List<RunResult> runs) {
        List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(RunResult::perSecond));
        RunResult m = sorted.get(sorted.size() / 2);
        List<Double> p50 = runs.stream().map(RunResult::p50).sorted().toList();
        List<Double> p99 = runs.stream().map(RunResult::p99).sorted().toList();
        return new RunResult(m.system(), m.clients(), m.operations(), m.seconds(), p50.get(p50.size() / 2), p99.get(p99.size() / 2));
    }

    private static RunResult intake(Storage storage, int writers, int seconds, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<LatencyRecorder>> fs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String prefix = tag + "-" + writers + "-" + w + "-" + System.nanoTime() + ".";
            fs.add(pool.submit(() -> {
                LatencyRecorder rec = new LatencyRecorder();
                go.await();
                long i = 0;
                java.util.SplittableRandom random = new java.util.SplittableRandom(prefix.hashCode());
                while (running.get()) {
                    String caller = Long.toString(13_900_000_000L + random.nextInt(100_000));
                    long t0 = System.nanoTime();
                    storage.tickets().openForCall(new CallIntake("complaints", caller, "Wang", "u" + i,
                            prefix + i++, Instant.now()));
                    rec.record(System.nanoTime() - t0);
                }
                return rec;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        LatencyRecorder all = new LatencyRecorder();
        for (Future<LatencyRecorder> f : fs) {
            all.addAll(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new RunResult("intake", writers, all.count(), elapsed, all.percentileMillis(0.5), all.percentileMillis(0.99));
    }

    private static RunResult claims(DispatchQueue queue, int claimers, int tickets) throws Exception {
        Instant now = Instant.now();
        for (int i = 1; i <= tickets; i++) {
            queue.enqueue("bench", new Ticket.Builder().id(i).number("B-" + i).line("bench")
                    .urgency(Urgency.values()[i % 4]).status(TicketStatus.MISSED).callbackRequested(true)
                    .deadlines(Map.of("resolve", now.plusSeconds(i % 3600))).createdAt(now).updatedAt(now).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<LatencyRecorder>> fs = new ArrayList<>();
        for (int a = 0; a < claimers; a++) {
            String agent = "agent" + a;
            fs.add(pool.submit(() -> {
                LatencyRecorder rec = new LatencyRecorder();
                go.await();
                while (true) {
                    long t0 = System.nanoTime();
                    Optional<Claim> c = queue.claim(agent, List.of("bench"), Duration.ofMinutes(5));
                    if (c.isEmpty()) {
                        return rec;
                    }
                    rec.record(System.nanoTime() - t0);
                    queue.complete(c.get());
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        LatencyRecorder all = new LatencyRecorder();
        for (Future<LatencyRecorder> f : fs) {
            all.addAll(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (all.count() != tickets) {
            throw new IllegalStateException("claimed " + all.count() + " of " + tickets + " tickets");
        }
        return new RunResult("claim", claimers, all.count(), elapsed, all.percentileMillis(0.5), all.percentileMillis(0.99));
    }
}
