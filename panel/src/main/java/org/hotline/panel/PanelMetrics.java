package org.hotline.panel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The panel's meters, registered once in the injected registry. Other modules (the IVR's
 * intake, the AMI client) may record into the same instance through the app's wiring:
 * {@link #ticketOpened}, {@link #deadlineBreached}. Thread-safe (Micrometer meters are).
 *
 * <ul>
 *   <li>{@code hotline_screen_pop_latency_seconds}: from the event's publication to the frame
 *       written on the agent's WebSocket (histogram, p50/p99).</li>
 *   <li>{@code hotline_queue_wait_seconds}: a ticket's time in the dispatch queue until claimed.</li>
 *   <li>{@code hotline_tickets_opened_total{kind}}, {@code hotline_deadline_breaches_total{kind}}.</li>
 *   <li>{@code hotline_panel_websockets} (gauge, set by the hub).</li>
 * </ul>
 */
public final class PanelMetrics {
    private final MeterRegistry registry;
    private final Timer screenPop;
    private final Timer queueWait;

    public PanelMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.screenPop = Timer.builder("hotline.screen.pop.latency")
                .description("From a screen-pop event's publication to its frame on the agent's WebSocket")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        this.queueWait = Timer.builder("hotline.queue.wait")
                .description("Time a ticket waited in the dispatch queue before an agent claimed it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    public MeterRegistry registry() { return registry; }

    public void screenPopDelivered(Duration latency) { screenPop.record(latency.isNegative() ? Duration.ZERO : latency); }

    public Timer screenPopTimer() { return screenPop; }

    public void queueWaited(Duration wait) { queueWait.record(wait.isNegative() ? Duration.ZERO : wait); }

    public void ticketOpened(String kind) {
        Counter.builder("hotline.tickets.opened").description("Tickets opened, by kind of request")
                .tag("kind", kind).register(registry).increment();
    }

    public void deadlineBreached(String kind) {
        Counter.builder("hotline.deadline.breaches").description("Tickets that passed a deadline while open")
                .tag("kind", kind).register(registry).increment();
    }
}
