package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Screen-pop latency with many agents connected: from the AMI client's {@code publish} to the
 * agent's Redis stream until the frame arrives on that agent's WebSocket (client side), on the
 * real storage (embedded PostgreSQL and Redis). Runs only with {@code PANEL_BENCH=1}; see
 * {@code panel/BENCHMARKS-panel.md} for the command and results.
 */
@EnabledIfEnvironmentVariable(named = "PANEL_BENCH", matches = "1")
class ScreenPopBenchmarkIT {
    private static final int AGENTS = envInt("PANEL_BENCH_AGENTS", 500);
    private static final int RATE = envInt("PANEL_BENCH_RATE", 100);
    private static final int ROUND_SECONDS = envInt("PANEL_BENCH_SECONDS", 10);
    private static final int ROUNDS = envInt("PANEL_BENCH_ROUNDS", 3);

    private static int envInt(String name, int dflt) {
        String v = System.getenv(name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    @Test
    void screenPopLatencyWithManyAgents() throws Exception {
        Clock clock = Clock.systemUTC();
        StorageConfig base = StorageFixture.shared().freshConfig();
        StorageConfig config = base.withTuning(new StorageConfig.Tuning(32, Duration.ofSeconds(2), AGENTS + 100, 10_000,
                Duration.ofMillis(200)));
        Storage storage = Storage.start(config, clock);
        PanelHarness.Backend backend = new PanelHarness.Backend(storage.tickets(), storage.queue(), storage.events(),
                storage.presence(), storage.users(), storage.departments(), storage.handovers(), storage);
        PanelConfig panelConfig = TestPanelConfig.onFreePort(AGENTS * 2, Duration.ofMillis(1));
        try (PanelHarness h = new PanelHarness(clock, backend, panelConfig, AGENTS)) {
            String hash = h.users.find("alice").orElseThrow().passwordHash();
            List<String> agents = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String name = String.format(Locale.ROOT, "agent%03d", i);
                h.users.create(new User(name, "Agent " + i, Role.AGENT, hash, null, true));
                agents.add(name);
            }
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tickets.add(h.tickets.openForCall(new CallIntake("complaints", "1390000" + String.format("%04d", i),
                        "Caller " + i, "bench-" + i + ".1", "bench-" + i, clock.instant())));
            }

            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
            HttpClient client = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            var pool = Executors.newFixedThreadPool(8);
            List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
            long loginStart = System.nanoTime();
            for (String agent : agents) {
                sockets.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        TestHttp http = h.login(agent);
                        WebSocket.Listener listener = new WebSocket.Listener() {
                            final StringBuilder sb = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                sb.append(data);
                                if (last) {
                                    long now = System.nanoTime();
                                    try {
                                        JsonNode msg = json.readTree(sb.toString());
                                        if ("pop".equals(msg.get("type").asText())) {
                                            arrivedAt.put(msg.get("id").asText() + "@" + agent, now);
                                        }
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                    sb.setLength(0);
                                }
                                ws.request(1);
                                return null;
                            }
                        };
                        WebSocket ws = client.newWebSocketBuilder()
                                .header("Origin", h.base)
                                .header("Cookie", SessionCookies.SESSION + "=" + http.cookies.get(SessionCookies.SESSION))
                                .buildAsync(URI.create(h.base.replace("http://", "ws://") + "/ws"), listener).join();
                        ws.sendText("{\"type\":\"resume\",\"after\":null}", true).join();
                        return ws;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            sockets.forEach(CompletableFuture::join);
            System.out.printf(Locale.ROOT, "%d agents logged in and connected in %.1f s%n", AGENTS,
                    (System.nanoTime() - loginStart) / 1e9);
            assertThat(h.server.liveConnections()).isEqualTo(AGENTS);
            Thread.sleep(2000);

            // like the page: a ping every 25 s keeps the sockets past the server's 75 s idle limit
            ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
            pinger.scheduleAtFixedRate(() -> sockets.forEach(f -> f.join().sendText("{\"type\":\"ping\"}", true)),
                    20, 20, TimeUnit.SECONDS);
            ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
            List<String> lines = new ArrayList<>();
            for (int round = 0; round <= ROUNDS; round++) {
                sentAt.clear();
                arrivedAt.clear();
                int total = RATE * ROUND_SECONDS;
                CountDownLatch sent = new CountDownLatch(total);
                long period = 1_000_000_000L / RATE;
                var task = publisher.scheduleAtFixedRate(() -> {
                    if (sent.getCount() == 0) {
                        return;
                    }
                    String agent = agents.get(ThreadLocalRandom.current().nextInt(agents.size()));
                    Ticket t = tickets.get(ThreadLocalRandom.current().nextInt(tickets.size()));
                    long start = System.nanoTime();
                    String id = h.events.publish(EventStream.agentKey(agent), Map.of("type", "screen-pop",
                            "ticketId", Long.toString(t.id()), "callerNumber", t.callerNumber(),
                            "callerName", t.callerName(), "line", t.line(),
                            "publishedAt", Long.toString(Instant.now().toEpochMilli())));
                    sentAt.put(id + "@" + agent, start);
                    sent.countDown();
                }, 0, period, TimeUnit.NANOSECONDS);
                sent.await();
                task.cancel(false);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!arrivedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                List<Long> sorted = new ArrayList<>();
                sentAt.forEach((key, start) -> {
                    Long arrived = arrivedAt.get(key);
                    if (arrived != null) {
                        sorted.add(arrived - start);
                    }
                });
                Collections.sort(sorted);
                String line = String.format(Locale.ROOT, "%s: %d pops at %d/s to %d agents, %d delivered: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                        round == 0 ? "warm-up" : "round " + round, total, RATE, AGENTS, sorted.size(),
                        pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
                System.out.println(line);
                lines.add(line);
                assertThat(sorted.size()).as("pops delivered").isEqualTo(total);
            }
            publisher.shutdownNow();
            pinger.shutdownNow();
            var timer = h.server.metrics().screenPopTimer().takeSnapshot();
            System.out.printf(Locale.ROOT, "server-side hotline_screen_pop_latency: count %d, mean %.2f ms (publishedAt has ms resolution)%n",
                    timer.count(), timer.mean(TimeUnit.MILLISECONDS));
            sockets.forEach(f -> f.join().abort());
            pool.shutdownNow();
        }
    }

    /** The p-th percentile (nearest rank) in milliseconds. */
    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
