package org.hotline.bench.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's caller side against each server kind, in process and with a few calls: what
 * it counts must be what happened, or the figures in BENCHMARKS.md mean nothing.
 */
class LoadClientTest {

    private static final int CALLS = 20;

    @Test
    void callsOnTheHotlineServerCompleteWithTenFlowCommandsEach() throws Exception {
        int port = AgiLoadDriver.freePort();
        try (var server = BenchServer.hotline(port, 100, 1);
             var client = client(port)) {
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

    @Test
    void asteriskJavasOwnStatusCommandIsCountedApartFromTheFlow() throws Exception {
        int port = AgiLoadDriver.freePort();
        try (var server = BenchServer.asteriskJava(port, CALLS + 5);
             var client = client(port)) {
            Figures figures = run(client);
            assertThat(figures.failed).isZero();
            assertThat(figures.completed).isGreaterThan(CALLS);
            assertThat(figures.commands).isBetween((figures.completed - CALLS) * 10, (figures.completed + CALLS) * 10);
            // one AJ_AGISTATUS per call that finished its script inside the window
            assertThat(figures.own).isBetween(figures.completed - CALLS, figures.completed + CALLS);
        }
    }

    @Test
    void theFloorServerPlaysTheSameCall() throws Exception {
        int port = AgiLoadDriver.freePort();
        try (var server = new FloorServer(port, 1);
             var client = client(port)) {
            Figures figures = run(client);
            assertThat(figures.failed).isZero();
            assertThat(figures.completed).isGreaterThan(CALLS);
            assertThat(figures.commands).isBetween((figures.completed - CALLS) * 10, (figures.completed + CALLS) * 10);
        }
    }

    private static LoadClient client(int port) {
        return new LoadClient(new InetSocketAddress("127.0.0.1", port), CALLS, 20, 0.5, BenchFlow.COMMANDS);
    }

    private record Figures(long completed, long failed, long commands, long own, double waitedMillisPerCall,
                           long saturatedCompleted) {
    }

    /**
     * Opens the calls, measures at the callers' pace for at least one second and until more than
     * {@link #CALLS} calls completed (a loaded machine is slower, not wrong), then saturated for
     * a window of the same length.
     */
    private static Figures run(LoadClient client) throws InterruptedException {
        client.start();
        await(() -> client.held() >= CALLS, "all calls to be held");
        assertThat(client.held()).isEqualTo(CALLS);
        client.startMeasuring();
        long start = System.nanoTime();
        await(() -> client.completed() > CALLS && System.nanoTime() - start >= 1_000_000_000L,
                "a second and more than " + CALLS + " completed calls");
        long window = System.nanoTime() - start;
        long completed = client.completed();
        long failed = client.failed();
        long commands = client.commands();
        long own = client.frameworkCommands();
        double waited = client.waitedNanos() / 1e6 / Math.max(1, completed);
        client.saturate();
        client.startMeasuring();
        long saturatedStart = System.nanoTime();
        await(() -> System.nanoTime() - saturatedStart >= window, "the saturated window");
        assertThat(client.failed()).as("failed calls when saturated").isZero();
        return new Figures(completed, failed, commands, own, waited, client.completed());
    }

    /** Waits (up to a minute) for {@code condition}, checking every 10 ms. */
    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.sleep(10);
        }
    }
}
