package org.hotline.ivr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiConfig;
import org.hotline.ivr.agi.FastAgiServer;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's caller side against each server kind, in process and with a few calls: what
 * it counts must be what happened, or the figures in BENCHMARKS.md mean nothing.
 */
class LoadClientTest {

    private static final int CALLS = 20;

    @Test
    void callsOnTheHotlineServerCompleteWithTenFlowCommandsEach() throws Exception {
        var config = new FastAgiConfig("127.0.0.1", 0, List.of("127.0.0.1"), 100, Duration.ofSeconds(3), 2, 1);
        try (var server = new FastAgiServer(config, new AgiFlows(Map.of("bench", new BenchFlow())),
                new SimpleMeterRegistry())) {
            server.start();
            try (var client = new LoadClient(server.localAddress(), CALLS, 20, 0.5, BenchFlow.COMMANDS)) {
                Figures figures = run(client);
                assertThat(figures.failed).isZero();
                assertThat(figures.completed).isGreaterThan(CALLS);
                // ten commands per call; calls open at either edge of the window count in part
                assertThat(figures.commands).isBetween((figures.completed - CALLS) * 10, (figures.completed + CALLS) * 10);
                assertThat(figures.own).isZero();
                assertThat(figures.waitedMillisPerCall).isPositive().isLessThan(1000);
                assertThat(figures.saturatedCompleted).as("think time off: many more calls per window")
                        .isGreaterThan(figures.completed);
            }
        }
    }

    @Test
    void asteriskJavasOwnStatusCommandIsCountedApartFromTheFlow() throws Exception {
        int port = freePort();
        var server = new DefaultAgiServer(new BenchScript());
        server.setAddress(InetAddress.getByName("127.0.0.1"));
        server.setPort(port);
        server.setPoolSize(CALLS + 5);
        server.setMaximumPoolSize(CALLS + 5);
        Thread acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        try (var client = new LoadClient(new InetSocketAddress("127.0.0.1", waitForPort(port)), CALLS, 20, 0.5,
                BenchFlow.COMMANDS)) {
            Figures figures = run(client);
            assertThat(figures.failed).isZero();
            assertThat(figures.completed).isGreaterThan(CALLS);
            assertThat(figures.commands).isBetween((figures.completed - CALLS) * 10, (figures.completed + CALLS) * 10);
            // one AJ_AGISTATUS per call that finished its script inside the window
            assertThat(figures.own).isBetween(figures.completed - CALLS, figures.completed + CALLS);
        } finally {
            server.shutdown();
        }
    }

    @Test
    void theFloorServerPlaysTheSameCall() throws Exception {
        int port = freePort();
        try (var server = new FloorServer(port, 1);
             var client = new LoadClient(new InetSocketAddress("127.0.0.1", port), CALLS, 20, 0.5,
                     BenchFlow.COMMANDS)) {
            Figures figures = run(client);
            assertThat(figures.failed).isZero();
            assertThat(figures.completed).isGreaterThan(CALLS);
            assertThat(figures.commands).isBetween((figures.completed - CALLS) * 10, (figures.completed + CALLS) * 10);
        }
    }

    private record Figures(long completed, long failed, long commands, long own, double waitedMillisPerCall,
                           long saturatedCompleted) {
    }

    /** Opens the calls, measures one second at the callers' pace, then one second saturated. */
    private static Figures run(LoadClient client) throws InterruptedException {
        client.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (client.held() < CALLS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(client.held()).isEqualTo(CALLS);
        client.startMeasuring();
        Thread.sleep(1000);
        long completed = client.completed();
        Figures paced = new Figures(completed, client.failed(), client.commands(), client.frameworkCommands(),
                client.waitedNanos() / 1e6 / Math.max(1, completed), 0);
        client.saturate();
        client.startMeasuring();
        Thread.sleep(1000);
        assertThat(client.failed()).as("failed calls when saturated").isZero();
        return new Figures(paced.completed, paced.failed, paced.commands, paced.own, paced.waitedMillisPerCall,
                client.completed());
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static int waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (var probe = new java.net.Socket("127.0.0.1", port)) {
                return port;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Asterisk-Java server did not listen on " + port);
    }
}
