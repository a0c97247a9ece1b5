package org.hotline.domain.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests for something to become true, instead of sleeping a guessed time: returns
 * as soon as {@code condition} holds, fails naming {@code what} when it does not within the
 * timeout (a generous one; a passing test never waits for it).
 */
public final class Conditions {
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private Conditions() {
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
