package org.hotline.bench.agi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * FastAGI load driver: holds {@code --calls} concurrent calls (default 2,000) over loopback
 * against the hotline server and, in the same run, against Asterisk-Java's
 * {@code DefaultAgiServer} running an equivalent script; each server runs alone in its own JVM
 * with the same heap. Each call is answer, a prompt, three key entries (prompt and key entries
 * answered after {@code --think-ms}, like a caller), five variables. Per round and server:
 * sessions held (minimum over the window), calls and commands per second (Asterisk-Java
 * sends an eleventh command per call, {@code SET VARIABLE AJ_AGISTATUS}), p50/p99/max command round
 * trip, peak resident memory and threads, CPU used; then the medians over the rounds and the
 * ratios.
 *
 * <pre>
 * java -cp ... org.hotline.bench.agi.AgiLoadDriver [--calls 2000] [--rounds 3] [--think-ms 500]
 *      [--warmup-s 5] [--measure-s 20] [--heap 512m] [--servers hotline,asterisk-java]
 *      [--io-threads 0 (Netty's default: two per core)]
 * </pre>
 */
public final class AgiLoadDriver {

    record Result(String server, int round, int heldMin, double heldAvg, double callsPerSecond, double commandsPerSecond,
                  double ownCommandsPerSecond, double waitMillis, double p50Micros,
                  double p99Micros, double maxMicros, long rssPeakMib, long threadsPeak, double cpuPercent,
                  long completed, long failed, double saturatedCallsPerSecond, double saturatedCommandsPerSecond) {
    }

    private final Map<String, String> options;
    private final String javaHome;
    private final String classpath;

    private AgiLoadDriver(Map<String, String> options, String javaHome, String classpath) {
        this.options = options;
        this.javaHome = javaHome;
        this.classpath = classpath;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"calls", "2000", "rounds", "3", "think-ms", "500", "think-jitter", "0.5", "warmup-s", "5",
                "measure-s", "20", "heap", "512m", "servers", "hotline,asterisk-java", "io-threads", "0",
                "server-jvm", "", "timeline", "0", "saturation-s", "10"};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                System.err.println("unknown option " + args[i] + "; options: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        new AgiLoadDriver(options, System.getProperty("java.home"), System.getProperty("java.class.path")).run();
    }

    private int intOption(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run() throws Exception {
        System.out.println("options: " + options + ", cores: " + Runtime.getRuntime().availableProcessors());
        List<String> servers = List.of(options.get("servers").split(","));
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= intOption("rounds"); round++) {
            List<String> order = new ArrayList<>(servers);
            if (round % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (String server : order) {
                Result result = round(server, round);
                System.out.println(row(result));
                results.add(result);
            }
        }
        System.out.println();
        System.out.println(header());
        Map<String, Result> medians = new LinkedHashMap<>();
        for (String server : servers) {
            Result median = median(server, results.stream().filter(r -> r.server().equals(server)).toList());
            medians.put(server, median);
            System.out.println(row(median));
        }
        if (medians.containsKey("hotline") && medians.containsKey("asterisk-java")) {
            System.out.println(ratios(medians.get("hotline"), medians.get("asterisk-java")));
        }
    }

    private Result round(String server, int round) throws Exception {
        int calls = intOption("calls");
        int port = freePort();
        try (var process = new ServerProcess(javaHome, classpath, options.get("heap"), options.get("server-jvm"), server,
                port, calls + 500,
                intOption("io-threads"));
             var client = new LoadClient(new InetSocketAddress("127.0.0.1", port), calls,
                     intOption("think-ms"), Double.parseDouble(options.get("think-jitter")), BenchFlow.COMMANDS)) {
            client.start();
            long rampDeadline = System.nanoTime() + 30_000_000_000L;
            while (client.held() < calls * 95 / 100 && System.nanoTime() < rampDeadline) {
                Thread.sleep(100);
            }
            Thread.sleep(intOption("warmup-s") * 1000L);
            client.startMeasuring();
            long cpuStart = process.cpuTicks();
            long start = System.nanoTime();
            long end = start + intOption("measure-s") * 1_000_000_000L;
            int heldMin = Integer.MAX_VALUE;
            long heldSum = 0;
            int samples = 0;
            long rssPeak = 0;
            long threadsPeak = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(250);
                int held = client.held();
                heldMin = Math.min(heldMin, held);
                heldSum += held;
                samples++;
                rssPeak = Math.max(rssPeak, process.rssKib());
                threadsPeak = Math.max(threadsPeak, process.threads());
                if (intOption("timeline") > 0 && samples % 4 == 0) {
                    Histogram second = client.recentRoundTrips();
                    System.out.printf(Locale.ROOT, "  %s t=%ds n=%d p50=%d p99=%d max=%d over2ms=%d%n", server, samples / 4,
                            second.getTotalCount(), second.getValueAtPercentile(50), second.getValueAtPercentile(99),
                            second.getMaxValue(), second.getCountBetweenValues(2000, Long.MAX_VALUE));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuTicks = process.cpuTicks() - cpuStart;
            Histogram histogram = client.roundTrips();
            long completed = client.completed();
            long failed = client.failed();
            double callsPerSecond = completed / seconds;
            double commandsPerSecond = client.commands() / seconds;
            double ownCommandsPerSecond = client.frameworkCommands() / seconds;
            double waitMillis = client.waitedNanos() / 1e6 / Math.max(1, completed);
            double saturatedCalls = 0;
            double saturatedCommands = 0;
            if (intOption("saturation-s") > 0) {
                client.saturate();
                Thread.sleep(3000);
                client.startMeasuring();
                long saturationStart = System.nanoTime();
                Thread.sleep(intOption("saturation-s") * 1000L);
                double saturationSeconds = (System.nanoTime() - saturationStart) / 1e9;
                saturatedCalls = client.completed() / saturationSeconds;
                saturatedCommands = client.commands() / saturationSeconds;
                failed += client.failed();
            }
            return new Result(server, round, heldMin, (double) heldSum / samples, callsPerSecond, commandsPerSecond,
                    ownCommandsPerSecond, waitMillis, histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
                    histogram.getMaxValue(), rssPeak / 1024, threadsPeak, cpuTicks / seconds, completed, failed,
                    saturatedCalls, saturatedCommands);
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Result median(String server, List<Result> rounds) {
        return new Result(server + " (median)", 0, (int) med(rounds, Result::heldMin), med(rounds, Result::heldAvg),
                med(rounds, Result::callsPerSecond), med(rounds, Result::commandsPerSecond), med(rounds, Result::ownCommandsPerSecond), med(rounds, Result::waitMillis), med(rounds, Result::p50Micros), med(rounds, Result::p99Micros),
                med(rounds, Result::maxMicros), (long) med(rounds, Result::rssPeakMib),
                (long) med(rounds, Result::threadsPeak), med(rounds, Result::cpuPercent),
                (long) med(rounds, Result::completed), (long) med(rounds, Result::failed),
                med(rounds, Result::saturatedCallsPerSecond), med(rounds, Result::saturatedCommandsPerSecond));
    }

    private static double med(List<Result> rounds, ToDoubleFunction<Result> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String header() {
        return "| server | round | sessions held (min / avg) | calls/s | flow commands/s | own commands/s | wait ms per call | p50 µs | p99 µs | max µs | peak RSS MiB | "
                + "peak threads | CPU % | calls completed | calls failed | saturated calls/s | saturated flow commands/s |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    private static String row(Result r) {
        return String.format(Locale.ROOT, "| %s | %s | %d / %.0f | %.0f | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %d | %d | %.0f | %d | %d | %.0f | %.0f |",
                r.server(), r.round() == 0 ? "-" : Integer.toString(r.round()), r.heldMin(), r.heldAvg(),
                r.callsPerSecond(), r.commandsPerSecond(), r.ownCommandsPerSecond(), r.waitMillis(), r.p50Micros(), r.p99Micros(), r.maxMicros(), r.rssPeakMib(), r.threadsPeak(),
                r.cpuPercent(), r.completed(), r.failed(), r.saturatedCallsPerSecond(), r.saturatedCommandsPerSecond());
    }

    private static String ratios(Result hotline, Result baseline) {
        return String.format(Locale.ROOT, "ratios %s vs %s: calls/s x%.2f, flow commands/s x%.2f, wait per call x%.2f lower, p50 x%.2f lower, "
                        + "p99 x%.2f lower, RSS x%.2f lower, threads x%.1f fewer, CPU x%.2f lower, "
                        + "saturated calls/s x%.2f, saturated flow commands/s x%.2f",
                hotline.server(), baseline.server(), hotline.callsPerSecond() / baseline.callsPerSecond(),
                hotline.commandsPerSecond() / baseline.commandsPerSecond(), baseline.waitMillis() / hotline.waitMillis(),
                baseline.p50Micros() / hotline.p50Micros(), baseline.p99Micros() / hotline.p99Micros(),
                (double) baseline.rssPeakMib() / hotline.rssPeakMib(),
                (double) baseline.threadsPeak() / hotline.threadsPeak(), baseline.cpuPercent() / hotline.cpuPercent(),
                hotline.saturatedCallsPerSecond() / baseline.saturatedCallsPerSecond(),
                hotline.saturatedCommandsPerSecond() / baseline.saturatedCommandsPerSecond());
    }

}
