package org.hotline.app.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on one daemon thread, first after {@code initialDelay}, then {@code period} after
 * the end of each run: one run at a time; a failed run (the database down) is logged once and
 * retried at the next period, never fatal, and its recovery is logged. {@link #close()} stops it
 * and waits for a running job.
 */
final class Periodic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Runnable job;
    private final ScheduledExecutorService thread;
    private volatile boolean failing;

    /** Runs {@code job} every {@code period}, the first time one period from now. */
    Periodic(String name, Duration period, Runnable job) {
        this(name, period, period, job);
    }

    Periodic(String name, Duration initialDelay, Duration period, Runnable job) {
        this.name = name;
        this.job = job;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            job.run();
            if (failing) {
                log.info("{} works again", name);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("{} failed, retrying every period: {}", name, e.toString());
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
