package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-open range of local wall-clock times within one day: {@code start} is included,
 * {@code end} excluded ("08:30-12:00" contains 08:30 and 11:59:59 but not 12:00).
 *
 * <p>An inverted range ({@code start >= end}) can be represented so that
 * {@link ConfigValidator} reports it with its path; the calendar refuses one.
 */
public record TimeRange(LocalTime start, LocalTime end) {
    private static final Pattern TEXT = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * Parses {@code "HH:MM-HH:MM"} (24-hour clock).
     *
     * @throws IllegalArgumentException naming the expected form when {@code text} is malformed
     */
    public static TimeRange parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a time range \"HH:MM-HH:MM\" (24-hour clock, e.g. \"08:30-12:00\"), got \"" + text + "\"");
        }
        return new TimeRange(parseTime(m.group(1), text), parseTime(m.group(2), text));
    }

    /**
     * Parses {@code "HH:MM"} (24-hour clock).
     *
     * @throws IllegalArgumentException naming the expected form when {@code text} is malformed
     */
    public static LocalTime parseTime(String text) {
        return parseTime(text, text);
    }

    private static LocalTime parseTime(String text, String whole) {
        try {
            if (text == null || !text.trim().matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("bad time", String.valueOf(text), 0);
            }
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "expected a time \"HH:MM\" between 00:00 and 23:59, got \"" + whole + "\"", e);
        }
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
