package org.hotline.ivr.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential reconnect delays: {@code first}, doubling after each failed attempt, never more
 * than {@code max}. A value; the attempt count is the caller's.
 */
public record ReconnectBackoff(Duration first, Duration max) {
    public ReconnectBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The delay before attempt {@code failures + 1}, after {@code failures} failed attempts in a row. */
    public Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
