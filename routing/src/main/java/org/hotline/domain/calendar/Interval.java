package org.hotline.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open stretch of time {@code [start, end)}; {@code start} is before {@code end}. */
public record Interval(Instant start, Instant end) {
    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("interval start " + start + " must be before its end " + end);
        }
    }

    /** Whether {@code at} lies in {@code [start, end)}. */
    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
