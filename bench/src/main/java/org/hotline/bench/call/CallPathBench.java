package org.hotline.bench.call;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.hotline.bench.agi.AgiLoadDriver;

/**
 * The production call path under load (BENCHMARKS.md, issue 12). Per level of concurrent calls it
 * starts the real service ({@code hotline.jar run}: embedded PostgreSQL and Redis, or the given
 * URLs) and, per round, plays Asterisk to the production {@code hotline} flow and then (the order
 * alternating) to Asterisk-Java's {@code DefaultAgiServer} running {@link JdbcCallScript} against
 * the same PostgreSQL. New calls arrive at one steady rate, the level divided by the call's life when
 * the server adds nothing ({@code --call-s} overrides it), so a slower server holds more calls. Per phase: sessions held, calls/s, tickets/s, database commits/s, p50/p99/max
 * command round trip, RSS and threads of the server JVM, CPU of the server, PostgreSQL, Redis,
 * the driver and the whole machine (from {@code /proc}), and every call's verdict; then medians
 * and ratios.
 *
 * <p>Every phase is measured after {@code --warmup-s} of load; a phase that is its server JVM's
 * first (the service's first round at a level, every baseline round: the baseline is a new process
 * each time) warms {@code --jit-warmup-s} longer. On two cores the JIT compilers took about half the
 * service's CPU for its first minute under load (BENCHMARKS.md), so a cold JVM measures its
 * compiler, not its steady state.
 *
 * <pre>
 * java -cp bench/target/hotline-bench.jar org.hotline.bench.call.CallPathBench [--levels 1000,2000,5000]
 *      [--rounds 3] [--warmup-s 25] [--jit-warmup-s 50] [--measure-s 30] [--think-ms 500] [--hold-ms 10000] [--call-s 17.6]
 *      [--servers hotline,asterisk-java] [--jar app/target/hotline.jar] [--config config/hotline.example.yaml]
 *      [--heap 512m] [--service-jvm ""] [--pool 16] [--work target/call-path-bench]
 *      [--postgres-url URL --postgres-user U --postgres-password P] [--redis-url URL]
 *      [--postgres-pid PID] [--redis-pid PID]
 * </pre>
 */
public final class CallPathBench {

    record Result(String server, int level, int round, int heldMin, double heldAvg, double callsPerSecond,
                  double ticketsPerSecond, double commitsPerSecond, double p50Micros, double p99Micros, double maxMicros,
                  long rssMib, long threads, double serverCpu, double postgresCpu, double redisCpu, double driverCpu,
                  double machineCpu, long ok, long fallback, long failed, long noTicket, double afterWriteP99Micros,
                  double otherP99Micros, double afterWriteMaxMicros, double otherMaxMicros) {}

    private final Map<String, String> options;

    private CallPathBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"levels", "1000,2000,5000", "rounds", "3", "warmup-s", "25", "jit-warmup-s", "50", "measure-s", "30",
                "think-ms", "500", "hold-ms", "10000", "servers", "hotline,asterisk-java", "jar", "app/target/hotline.jar",
                "config", "config/hotline.example.yaml", "heap", "512m", "service-jvm", "", "pool", "16",
                "work", "target/call-path-bench", "postgres-url", "", "postgres-user", "", "postgres-password", "",
                "redis-url", "", "postgres-pid", "", "redis-pid", "", "call-s", ""};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2)) || i + 1 >= args.length) {
                System.err.println("unknown option or missing value: " + args[i] + "; options: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        new CallPathBench(options).run();
    }

    private int intOption(String name) {
        return Integer.parseInt(options.get(name));
    }

    private String orNull(String name) {
        String v = options.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private void run() throws Exception {
        System.out.println("options: " + options + ", cores: " + Runtime.getRuntime().availableProcessors());
        List<String> servers = List.of(options.get("servers").split(","));
        List<Result> results = new ArrayList<>();
        for (String levelText : options.get("levels").split(",")) {
            int level = Integer.parseInt(levelText.trim());
            Path work = Path.of(options.get("work")).toAbsolutePath().resolve("level-" + level + "-" + System.currentTimeMillis());
            var storage = new ServiceProcess.Storage(orNull("postgres-url"), orNull("postgres-user"),
                    orNull("postgres-password") == null ? "" : options.get("postgres-password"), orNull("redis-url"),
                    orNull("postgres-pid") == null ? null : Long.parseLong(options.get("postgres-pid")),
                    orNull("redis-pid") == null ? null : Long.parseLong(options.get("redis-pid")));
            try (var service = new ServiceProcess(Path.of(options.get("jar")), Path.of(options.get("config")), work,
                    options.get("heap"), options.get("service-jvm"), AgiLoadDriver.freePort(), AgiLoadDriver.freePort(),
                    level + level / 5 + 100, storage)) {
                for (int round = 1; round <= intOption("rounds"); round++) {
                    List<String> order = new ArrayList<>(servers);
                    if (round % 2 == 0) {
                        Collections.reverse(order);
                    }
                    for (String server : order) {
                        Result r = server.equals("hotline") ? phase(service, null, level, round)
                                : baseline(service, level, round);
                        System.out.println(row(r));
                        results.add(r);
                    }
                }
            }
        }
        System.out.println();
        System.out.println(header());
        Map<String, Result> medians = new LinkedHashMap<>();
        for (String levelText : options.get("levels").split(",")) {
            int level = Integer.parseInt(levelText.trim());
            for (String server : servers) {
                Result m = median(server, level, results.stream()
                        .filter(r -> r.server().equals(server) && r.level() == level).toList());
                medians.put(server + level, m);
                System.out.println(row(m));
            }
        }
        for (String levelText : options.get("levels").split(",")) {
            int level = Integer.parseInt(levelText.trim());
            Result h = medians.get("hotline" + level);
            Result b = medians.get("asterisk-java" + level);
            if (h != null && b != null) {
                System.out.println(ratios(level, h, b));
            }
        }
    }

    private Result baseline(ServiceProcess service, int level, int round) throws Exception {
        int port = AgiLoadDriver.freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + options.get("heap"), "-cp", System.getProperty("java.class.path"), BaselineServer.class.getName(),
                Integer.toString(port), Integer.toString(level + level / 5 + 100), service.jdbcUrl(), service.jdbcUser(),
                service.jdbcPassword(), options.get("pool")));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (!"READY".equals(ready)) {
                throw new IOException("the Asterisk-Java baseline did not start (said: " + ready + ")");
            }
            return phase(service, new Baseline(process, port), level, round);
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private record Baseline(Process process, int port) {}

    private Result phase(ServiceProcess service, Baseline baseline, int level, int round) throws Exception {
        String name = baseline == null ? "hotline" : "asterisk-java";
        int port = baseline == null ? service.agiPort() : baseline.port();
        ProcTree server = baseline == null ? service.service() : new ProcTree(baseline.process().pid());
        Optional<ProcTree> postgres = service.postgres();
        Optional<ProcTree> redis = service.redis();
        ProcTree driver = new ProcTree(ProcessHandle.current().pid());
        long think = intOption("think-ms");
        long hold = intOption("hold-ms");
        // A call's life when the server adds nothing (CallerScript, AGI-CONTRACT.md): about 9.2 prompts and key
        // entries the caller spends a think time on, the dial or queue hold, and a message in three calls of ten.
        double life = options.get("call-s").isEmpty() ? (9.2 * think + 1.3 * hold) / 1000.0
                : Double.parseDouble(options.get("call-s"));
        try (var calls = new CallerLoad(new InetSocketAddress("127.0.0.1", port), "hotline", think, hold,
                "bench-" + name + "-" + level + "-" + round + "-" + System.currentTimeMillis())) {
            // arrivals at one steady rate (Little's law: held = rate x life); a slower server holds more calls
            calls.start(level / life);
            boolean freshJvm = baseline != null || round == 1;
            Thread.sleep(TimeUnit.SECONDS.toMillis(intOption("warmup-s") + (freshJvm ? intOption("jit-warmup-s") : 0)));
            long[] writtenStart = service.written();
            long serverStart = server.ownTicks();
            long pgStart = postgres.map(ProcTree::cpuTicks).orElse(0L);
            long redisStart = redis.map(ProcTree::cpuTicks).orElse(0L);
            long driverStart = driver.ownTicks();
            long[] machineStart = ProcTree.machineTicks();
            calls.startMeasuring();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(intOption("measure-s"));
            int heldMin = Integer.MAX_VALUE;
            long heldSum = 0;
            int samples = 0;
            long rss = 0;
            long threads = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(500);
                int held = calls.held();
                heldMin = Math.min(heldMin, held);
                heldSum += held;
                samples++;
                rss = Math.max(rss, server.rssKib());
                threads = Math.max(threads, server.threads());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] writtenEnd = service.written();
            double serverCpu = (server.ownTicks() - serverStart) / seconds;
            double pgCpu = postgres.map(p -> (p.cpuTicks() - pgStart) / seconds).orElse(Double.NaN);
            double redisCpu = redis.map(p -> (p.cpuTicks() - redisStart) / seconds).orElse(Double.NaN);
            double driverCpu = (driver.ownTicks() - driverStart) / seconds;
            long[] machineEnd = ProcTree.machineTicks();
            double machineCpu = 100.0 * Runtime.getRuntime().availableProcessors()
                    * (machineEnd[0] - machineStart[0]) / Math.max(1, machineEnd[1] - machineStart[1]);
            Histogram h = calls.roundTrips();
            System.out.println("  " + name + " " + level + " round " + round + " slowest commands: " + calls.slowestCommands(8)
                    + "arrivals " + String.format(Locale.ROOT, "%.1f", calls.rate()) + "/s");
            Histogram afterWrites = calls.afterWrites();
            Histogram others = calls.others();
            Result r = new Result(name, level, round, heldMin, (double) heldSum / samples, calls.completed() / seconds,
                    (writtenEnd[0] - writtenStart[0]) / seconds, (writtenEnd[2] - writtenStart[2]) / seconds,
                    h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue(), rss / 1024, threads,
                    serverCpu, pgCpu, redisCpu, driverCpu, machineCpu, calls.ok(), calls.fallback(), calls.failed(),
                    calls.noTicket(), afterWrites.getValueAtPercentile(99), others.getValueAtPercentile(99),
                    afterWrites.getMaxValue(), others.getMaxValue());
            // let the calls in progress end as callers would, so their writes do not fall into the next phase
            calls.rate(0);
            long drainEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(hold + 20 * think + 10_000);
            while (calls.held() > 0 && System.nanoTime() < drainEnd) {
                Thread.sleep(200);
            }
            Thread.sleep(2000);
            return r;
        }
    }

    private static Result median(String server, int level, List<Result> rounds) {
        return new Result(server + " (median)", level, 0, (int) med(rounds, Result::heldMin), med(rounds, Result::heldAvg),
                med(rounds, Result::callsPerSecond), med(rounds, Result::ticketsPerSecond),
                med(rounds, Result::commitsPerSecond), med(rounds, Result::p50Micros), med(rounds, Result::p99Micros),
                med(rounds, Result::maxMicros), (long) med(rounds, Result::rssMib), (long) med(rounds, Result::threads),
                med(rounds, Result::serverCpu), med(rounds, Result::postgresCpu), med(rounds, Result::redisCpu),
                med(rounds, Result::driverCpu), med(rounds, Result::machineCpu), (long) med(rounds, Result::ok),
                (long) med(rounds, Result::fallback), (long) med(rounds, Result::failed), (long) med(rounds, Result::noTicket),
                med(rounds, Result::afterWriteP99Micros), med(rounds, Result::otherP99Micros),
                med(rounds, Result::afterWriteMaxMicros), med(rounds, Result::otherMaxMicros));
    }

    private static double med(List<Result> rounds, ToDoubleFunction<Result> figure) {
        double[] v = rounds.stream().mapToDouble(figure).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String header() {
        return "| server | calls | round | held min / avg | calls/s | tickets/s | PG commits/s | p50 ms | p99 ms | max ms "
                + "| RSS MiB | threads | CPU % server | PostgreSQL | Redis | driver | machine (of 200) "
                + "| OK | fallback | failed | no ticket | p99 / max ms after a write | p99 / max ms of the rest |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    private static String row(Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %d / %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.1f | %d | %d "
                        + "| %.0f | %.0f | %.0f | %.0f | %.0f | %d | %d | %d | %d | %.2f / %.1f | %.2f / %.1f |",
                r.server(), r.level(), r.round() == 0 ? "-" : Integer.toString(r.round()), r.heldMin(), r.heldAvg(),
                r.callsPerSecond(), r.ticketsPerSecond(), r.commitsPerSecond(), r.p50Micros() / 1000, r.p99Micros() / 1000,
                r.maxMicros() / 1000, r.rssMib(), r.threads(), r.serverCpu(), r.postgresCpu(), r.redisCpu(),
                r.driverCpu(), r.machineCpu(), r.ok(), r.fallback(), r.failed(), r.noTicket(),
                r.afterWriteP99Micros() / 1000, r.afterWriteMaxMicros() / 1000, r.otherP99Micros() / 1000,
                r.otherMaxMicros() / 1000);
    }

    private static String ratios(int level, Result h, Result b) {
        return String.format(Locale.ROOT, "ratios at %d calls, hotline vs asterisk-java: p50 x%.2f lower, p99 x%.2f lower, "
                        + "max x%.2f lower, calls/s x%.2f, tickets/s x%.2f, RSS x%.2f lower, threads x%.1f fewer, "
                        + "server CPU x%.2f lower, PostgreSQL CPU x%.2f lower",
                level, b.p50Micros() / h.p50Micros(), b.p99Micros() / h.p99Micros(), b.maxMicros() / h.maxMicros(),
                h.callsPerSecond() / b.callsPerSecond(), h.ticketsPerSecond() / b.ticketsPerSecond(),
                (double) b.rssMib() / h.rssMib(), (double) b.threads() / h.threads(), b.serverCpu() / h.serverCpu(),
                b.postgresCpu() / h.postgresCpu());
    }
}
