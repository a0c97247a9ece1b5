package org.hotline.bench.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.domain.notify.NotificationOutbox;
import org.hotline.domain.store.Session;
import org.hotline.domain.store.SessionStore;
import org.hotline.domain.survey.FailedCallbacks;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.User;
import org.hotline.ivr.ami.EventStreamScreenPops;
import org.hotline.ivr.ami.ScreenPop;
import org.hotline.panel.CallCounters;
import org.hotline.panel.HealthCheck;
import org.hotline.panel.PanelConfig;
import org.hotline.panel.PanelPolicy;
import org.hotline.panel.PanelPorts;
import org.hotline.panel.roster.ConfigRosterOverrideValidator;
import org.hotline.panel.PanelServer;
import org.hotline.panel.QueueMemberControl;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;

/**
 * Screen-pop latency with many agents connected to one panel instance, on the production path:
 * a pop handed by the AMI side to {@link EventStreamScreenPops} (the ticket and the caller's
 * history read from PostgreSQL, the event published on Redis), the panel's one feed reader, the
 * agent's stream read and the ticket read again for the frame, until the {@code pop} frame
 * arrives on that agent's WebSocket (JDK client, same JVM, {@code System.nanoTime} both sides).
 *
 * <p>The levels (default 500 and 2,000 connected agents) run in the same process on the same
 * storage, interleaved round by round (level A, level B, level A, ...), so machine noise falls on
 * both alike; the first round of each level is a warm-up. Between rounds the sockets beyond the
 * next level are closed, or more are opened (each resumes from the last pop it saw, like the
 * page). Every pop must arrive; a round where one does not fails the run (exit 1).
 *
 * <p>Agents are users with sessions created directly in the session store (logging 2,000 in
 * through bcrypt would take minutes and measures nothing here). Storage runs with its default
 * tuning (Redis pool 64): the sockets share the panel's one Redis read.
 *
 * <p>Arguments: {@code --levels 500,2000 --rate 100 --seconds 10 --rounds 5}; without
 * {@code --postgres-url} (with {@code --postgres-user}, {@code --postgres-password}) and
 * {@code --redis-url} it starts embedded PostgreSQL and Redis in a temporary directory.
 */
public final class ScreenPopBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final List<Integer> levels;
    private final int rate;
    private final int seconds;
    private final int rounds;
    private final Storage storage;
    private final PanelServer panel;
    private final PrometheusMeterRegistry registry;
    private final EventStreamScreenPops pops;
    private final String base;
    private final List<String> agents = new ArrayList<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, String> lastPopId = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final Map<String, WebSocket> open = new LinkedHashMap<>();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    /** Waits for handshakes; apart from the client's own threads, which complete them. */
    private final ExecutorService connectors = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().executor(clientThreads).build();
    private final List<Ticket> tickets = new ArrayList<>();
    private final AtomicLong callerSeq = new AtomicLong(10_000_000);

    private ScreenPopBench(List<Integer> levels, int rate, int seconds, int rounds, Storage storage) throws Exception {
        this.levels = levels;
        this.rate = rate;
        this.seconds = seconds;
        this.rounds = rounds;
        this.storage = storage;
        Clock clock = Clock.systemUTC();
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PanelConfig d = PanelConfig.defaults();
        PanelConfig config = new PanelConfig("127.0.0.1", 0, false, List.of(), d.sessionIdleTimeout(), d.maxRequestBytes(),
                d.maxHeaderBytes(), d.maxJsonDepth(), d.loginBurst(), d.loginRefill(), d.workerThreads(), d.bcryptCost(),
                Optional.empty());
        SessionStore sessionStore = storage.sessions(config.sessionIdleTimeout());
        QueueMemberControl noAmi = new QueueMemberControl() {
            public void pause(String agent, String reason) throws QueueMemberException {
                throw new QueueMemberException("no AMI in the benchmark");
            }
            public void unpause(String agent) throws QueueMemberException {
                throw new QueueMemberException("no AMI in the benchmark");
            }
        };
        PanelPorts ports = new PanelPorts(storage.tickets(), storage.queue(), storage.events(), storage.presence(),
                storage.users(), storage.departments(), storage.handovers(), noAmi, new CallCounters(clock, ZONE),
                storage.dutyOverrides(), new ConfigRosterOverrideValidator(new org.hotline.domain.config.HotlineConfig(ZONE,
                        officeHours(), List.of(), List.of(), List.of(), List.of()), storage.dutyOverrides(), clock),
                sessionStore, storage.audit(),
                Map.of("postgres", () -> HealthCheck.Status.up("bench")), FailedCallbacks.NONE, NotificationOutbox.NONE,
                new org.hotline.domain.report.KpiReports(storage.ticketFacts(), new org.hotline.domain.calendar.WorkingCalendar(
                        officeHours(), ZONE), org.hotline.domain.report.StepRule.DEFAULTS, clock), storage.reports(), storage.alerts());
        this.panel = new PanelServer(config, PanelPolicy.defaults(ZONE, List.of("complaints", "service")), ports, registry, clock);
        this.base = "http://127.0.0.1:" + panel.start().getPort();
        this.pops = new EventStreamScreenPops(storage.events(), storage.tickets());
        int most = levels.stream().mapToInt(Integer::intValue).max().orElseThrow();
        String hash = "$2a$10$7EqJtq98hPqEX7fNZaFWoO5uoDnZ0Ly4SHrPqAqGdiUUvM0UDmGaK"; // nobody logs in with it
        for (int i = 0; i < most; i++) {
            String name = String.format(Locale.ROOT, "agent%04d", i);
            if (storage.users().find(name).isEmpty()) {
                storage.users().create(new User(name, "Agent " + i, Role.AGENT, hash, null, true, null, null, false));
            }
            agents.add(name);
            sessions.put(name, sessionStore.create(name, "Agent " + i, Role.AGENT));
        }
        for (int i = 0; i < 200; i++) {
            String linked = "popbench-" + System.nanoTime() + "-" + i;
            tickets.add(storage.tickets().openForCall(new CallIntake("complaints",
                    "1380000" + String.format(Locale.ROOT, "%04d", i), "Caller " + i, linked + ".1", linked, clock.instant())));
        }
    }

    /** Monday to Friday 08:30-17:30 (the reports' working time; pops do not depend on it). */
    private static org.hotline.domain.config.CalendarConfig officeHours() {
        var day = List.of(new org.hotline.domain.config.TimeRange(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(17, 30)));
        Map<java.time.DayOfWeek, List<org.hotline.domain.config.TimeRange>> hours = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            if (d.getValue() <= 5) {
                hours.put(d, day);
            }
        }
        return new org.hotline.domain.config.CalendarConfig(hours, Optional.empty(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    private WebSocket connect(String agent) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            final StringBuilder sb = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                sb.append(data);
                if (last) {
                    long now = System.nanoTime();
                    try {
                        JsonNode msg = JSON.readTree(sb.toString());
                        if ("pop".equals(msg.path("type").asText())) {
                            lastPopId.put(agent, msg.get("id").asText());
                            arrivedAt.putIfAbsent(agent + "|" + msg.path("callerNumber").asText(), now);
                        }
                    } catch (Exception e) {
                        System.err.println("unreadable frame for " + agent + ": " + e);
                    }
                    sb.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
        WebSocket ws = client.newWebSocketBuilder()
                .header("Origin", base)
                .header("Cookie", SessionCookies.SESSION + "=" + sessions.get(agent).id())
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws"), listener).join();
        String after = lastPopId.get(agent);
        ws.sendText(after == null ? "{\"type\":\"resume\",\"after\":null}"
                : "{\"type\":\"resume\",\"after\":\"" + after + "\"}", true).join();
        return ws;
    }

    /** Opens or closes sockets until exactly the first {@code n} agents are connected. */
    private void connected(int n) throws Exception {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            String agent = agents.get(i);
            if (i < n && !open.containsKey(agent)) {
                pending.add(CompletableFuture.supplyAsync(() -> connect(agent), connectors)
                        .thenAccept(ws -> {
                            synchronized (open) {
                                open.put(agent, ws);
                            }
                        }));
            } else if (i >= n && open.containsKey(agent)) {
                open.remove(agent).sendClose(WebSocket.NORMAL_CLOSURE, "level").join();
            }
        }
        pending.forEach(CompletableFuture::join);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (panel.liveConnections() != n && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        if (panel.liveConnections() != n) {
            throw new IllegalStateException("the panel has " + panel.liveConnections() + " sockets open, wanted " + n);
        }
        Thread.sleep(1000); // replays of reconnected sockets settle
    }

    /** One round; {@code publishP50/99}: the AMI side alone (history lookup and publish), part of the total. */
    record Round(int level, int round, int pops, int delivered, double p50, double p99, double max, double publishP50,
                 double publishP99) {}

    private Round round(int level, int round, ScheduledExecutorService publisher) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> publishing = Collections.synchronizedList(new ArrayList<>());
        arrivedAt.clear();
        int total = rate * seconds;
        CountDownLatch sent = new CountDownLatch(total);
        var task = publisher.scheduleAtFixedRate(() -> {
            if (sent.getCount() == 0) {
                return;
            }
            String agent = agents.get(ThreadLocalRandom.current().nextInt(level));
            Ticket t = tickets.get(ThreadLocalRandom.current().nextInt(tickets.size()));
            String caller = "139" + callerSeq.incrementAndGet();
            long start = System.nanoTime();
            sentAt.put(agent + "|" + caller, start);
            pops.publish(new ScreenPop(t.linkedid(), "leg-" + caller, agent, "PJSIP/" + agent, ScreenPop.State.RINGING,
                    Optional.of(t.number()), caller, t.callerName(), Optional.of(t.line()), Optional.of(t.line()),
                    java.time.Instant.now()));
            publishing.add(System.nanoTime() - start);
            sent.countDown();
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        sent.await();
        task.cancel(false);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!arrivedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        List<Long> latencies = new ArrayList<>();
        sentAt.forEach((key, start) -> {
            Long at = arrivedAt.get(key);
            if (at != null) {
                latencies.add(at - start);
            }
        });
        Collections.sort(latencies);
        List<Long> pub = new ArrayList<>(publishing);
        Collections.sort(pub);
        return new Round(level, round, total, latencies.size(), pct(latencies, 0.50), pct(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6, pct(pub, 0.50), pct(pub, 0.99));
    }

    private int run() throws Exception {
        System.out.printf(Locale.ROOT, "levels %s, %d pops/s for %d s per round, %d measured rounds per level (+1 warm-up)%n",
                levels, rate, seconds, rounds);
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        pinger.scheduleAtFixedRate(() -> {
            synchronized (open) {
                open.values().forEach(ws -> ws.sendText("{\"type\":\"ping\"}", true));
            }
        }, 20, 20, TimeUnit.SECONDS);
        Map<Integer, List<Round>> measured = new LinkedHashMap<>();
        boolean allDelivered = true;
        for (int r = 0; r <= rounds; r++) {
            for (int level : levels) {
                long t0 = System.nanoTime();
                connected(level);
                double connectSeconds = (System.nanoTime() - t0) / 1e9;
                Round x = round(level, r, publisher);
                System.out.printf(Locale.ROOT, "%5d agents %-8s %d pops, %d delivered: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                                + "(of which publishing p50 %.2f, p99 %.2f ms; sockets ready in %.1f s; RSS %d MiB, %d threads)%n",
                        level, r == 0 ? "warm-up" : "round " + r, x.pops(), x.delivered(), x.p50(), x.p99(), x.max(), x.publishP50(), x.publishP99(),
                        connectSeconds, rssMiB(), Thread.activeCount());
                allDelivered &= x.delivered() == x.pops();
                if (r > 0) {
                    measured.computeIfAbsent(level, k -> new ArrayList<>()).add(x);
                }
            }
        }
        publisher.shutdownNow();
        pinger.shutdownNow();
        System.out.println();
        System.out.println("| agents connected | p50 (median of rounds) | p99 (median of rounds) | p99 range | max | publishing p50 / p99 | all delivered |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<Integer, Double> p99 = new LinkedHashMap<>();
        for (var e : measured.entrySet()) {
            List<Round> rs = e.getValue();
            double medP50 = median(rs.stream().map(Round::p50).toList());
            double medP99 = median(rs.stream().map(Round::p99).toList());
            p99.put(e.getKey(), medP99);
            System.out.printf(Locale.ROOT, "| %,d | %.2f ms | %.2f ms | %.2f-%.2f ms | %.2f ms | %.2f / %.2f ms | %s |%n", e.getKey(), medP50, medP99,
                    rs.stream().mapToDouble(Round::p99).min().orElse(0), rs.stream().mapToDouble(Round::p99).max().orElse(0),
                    rs.stream().mapToDouble(Round::max).max().orElse(0),
                    median(rs.stream().map(Round::publishP50).toList()), median(rs.stream().map(Round::publishP99).toList()),
                    rs.stream().allMatch(x -> x.delivered() == x.pops()) ? "yes" : "NO");
        }
        if (p99.size() >= 2) {
            List<Integer> ls = new ArrayList<>(p99.keySet());
            System.out.printf(Locale.ROOT, "p99 ratio %,d / %,d agents: x%.2f%n", ls.get(ls.size() - 1), ls.get(0),
                    p99.get(ls.get(ls.size() - 1)) / p99.get(ls.get(0)));
        }
        var timer = panel.metrics().screenPopTimer().takeSnapshot();
        System.out.printf(Locale.ROOT, "server-side hotline_screen_pop_latency: count %d, mean %.2f ms; sockets dropped as slow: %s%n",
                timer.count(), timer.mean(TimeUnit.MILLISECONDS),
                registry.find("hotline.panel.websocket.dropped").counter() == null ? "0"
                        : (long) registry.find("hotline.panel.websocket.dropped").counter().count());
        return allDelivered ? 0 : 1;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    private static long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private void close() {
        synchronized (open) {
            open.values().forEach(WebSocket::abort);
        }
        panel.close();
        clientThreads.shutdownNow();
        connectors.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("arguments are --name value pairs, got " + args[i]);
                System.exit(2);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        List<Integer> levels = new ArrayList<>();
        for (String s : a.getOrDefault("levels", "500,2000").split(",")) {
            levels.add(Integer.parseInt(s.trim()));
        }
        int rate = Integer.parseInt(a.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
        Path dir = Files.createTempDirectory("hotline-popbench");
        StorageConfig config = a.containsKey("postgres-url")
                ? new StorageConfig(a.get("postgres-url"), a.get("postgres-user"), a.get("postgres-password"), null, null,
                        a.get("redis-url"), dir, StorageConfig.Tuning.defaults())
                : StorageConfig.embedded(dir);
        int code;
        try (Storage storage = Storage.start(config, Clock.systemUTC())) {
            ScreenPopBench bench = new ScreenPopBench(levels, rate, seconds, rounds, storage);
            try {
                code = bench.run();
            } finally {
                bench.close();
            }
        }
        System.exit(code);
    }
}
