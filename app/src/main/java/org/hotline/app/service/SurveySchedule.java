package org.hotline.app.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.domain.survey.SurveyCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the satisfaction call-back's {@link SurveyCallbacks#scan()} every {@code period} on one
 * daemon thread: one scan at a time, a failed scan (the database or AMI down) logged once and
 * retried at the next period. Counts attempts placed in {@code hotline.survey.attempts}.
 * {@link #close()} stops it and waits for a running scan.
 */
final class SurveySchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SurveySchedule.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "survey-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final SurveyCallbacks callbacks;
    private final Counter attempts;
    private volatile boolean failing;

    SurveySchedule(SurveyCallbacks callbacks, Duration period, MeterRegistry registry) {
        this.callbacks = callbacks;
        this.attempts = Counter.builder("hotline.survey.attempts")
                .description("satisfaction call-back attempts placed").register(registry);
        thread.scheduleWithFixedDelay(this::runOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            SurveyCallbacks.Scan scan = callbacks.scan();
            attempts.increment(scan.placed().size());
            scan.placed().forEach(c -> log.info("satisfaction call-back attempt {} of {} for {} placed",
                    c.attempts(), c.maxAttempts(), c.ticketNumber()));
            if (failing) {
                log.info("satisfaction call-backs work again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("satisfaction call-back scan failed, retrying every period: {}", e.toString());
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
