package org.hotline.app.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.domain.deadline.DeadlineWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the deadline watcher's scan every {@code period} ({@link Periodic}: one scan at a time, a
 * failed scan logged and retried at the next period, never fatal). Counts the alerts in
 * {@code hotline.deadline.alerts} tagged {@code state} ({@code at_risk}, {@code missed}).
 * {@link #close()} stops it and waits for a running scan.
 */
final class DeadlineSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedule.class);

    private final Supplier<List<DeadlineWatcher.Alert>> scan;
    private final Counter atRisk;
    private final Counter missed;
    private final Periodic periodic;

    DeadlineSchedule(Supplier<List<DeadlineWatcher.Alert>> scan, Duration period, MeterRegistry registry) {
        this.scan = scan;
        this.atRisk = Counter.builder("hotline.deadline.alerts").tag("state", "at_risk")
                .description("deadline reminders and escalations sent").register(registry);
        this.missed = Counter.builder("hotline.deadline.alerts").tag("state", "missed")
                .description("deadline reminders and escalations sent").register(registry);
        this.periodic = new Periodic("deadline-watcher", period, period, this::runOnce);
    }

    private void runOnce() {
        for (DeadlineWatcher.Alert alert : scan.get()) {
            (alert.missed() ? missed : atRisk).increment();
            log.info("deadline '{}' of ticket {} {} (due {}): told {}", alert.step(), alert.ticket().number(),
                    alert.missed() ? "missed" : "at risk", alert.due(), alert.told());
        }
    }

    @Override
    public void close() {
        periodic.close();
    }
}
