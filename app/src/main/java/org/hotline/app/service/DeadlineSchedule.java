package org.hotline.app.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.domain.deadline.DeadlineWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the deadline watcher's scan every {@code period} on one daemon thread: one scan at a time,
 * a failed scan (the database down) logged and retried at the next period, never fatal. Counts
 * the alerts in {@code hotline.deadline.alerts} tagged {@code state} ({@code at_risk},
 * {@code missed}). {@link #close()} stops it and waits for a running scan.
 */
final class DeadlineSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedule.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deadline-watcher");
        t.setDaemon(true);
        return t;
    });
    private final Supplier<List<DeadlineWatcher.Alert>> scan;
    private final Counter atRisk;
    private final Counter missed;
    private volatile boolean failing;

    DeadlineSchedule(Supplier<List<DeadlineWatcher.Alert>> scan, Duration period, MeterRegistry registry) {
        this.scan = scan;
        this.atRisk = Counter.builder("hotline.deadline.alerts").tag("state", "at_risk")
                .description("deadline reminders and escalations sent").register(registry);
        this.missed = Counter.builder("hotline.deadline.alerts").tag("state", "missed")
                .description("deadline reminders and escalations sent").register(registry);
        thread.scheduleWithFixedDelay(this::runOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            List<DeadlineWatcher.Alert> alerts = scan.get();
            for (DeadlineWatcher.Alert alert : alerts) {
                (alert.missed() ? missed : atRisk).increment();
                log.info("deadline '{}' of ticket {} {} (due {}): told {}", alert.step(), alert.ticket().number(),
                        alert.missed() ? "missed" : "at risk", alert.due(), alert.told());
            }
            if (failing) {
                log.info("deadline scan works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("deadline scan failed, retrying every period: {}", e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
