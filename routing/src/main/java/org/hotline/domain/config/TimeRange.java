package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A half-open range of local wall-clock times within one day: {@code start} is included,
 * {@code end} excluded ("08:30-12:00" contains 08:30 and 11:59:59 but not 12:00).
 *
 * <p>An inverted range ({@code start >= end}) can be represented so that
 * {@link ConfigValidator} reports it with its path; the calendar refuses one. The loader (app)
 * reads the {@code "HH:MM-HH:MM"} text, so it can name the line of a malformed one.
 */
public record TimeRange(LocalTime start, LocalTime end) {
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Whether {@code start} is not before {@code end} (an empty or inverted range). */
    public boolean isInverted() {
        return !start.isBefore(end);
    }

    /** Whether {@code time} lies in {@code [start, end)}. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether the two half-open ranges share at least one instant. */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Whether {@code other} lies within this range. */
    public boolean encloses(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /** The wall-clock length (ignores DST); zero for an inverted range. */
    public Duration length() {
        return isInverted() ? Duration.ZERO : Duration.between(start, end);
    }

    /** The range in the YAML form, {@code "HH:MM-HH:MM"}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
