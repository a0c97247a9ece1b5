package org.hotline.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns configured wall-clock times into instants in one zone, with a rule for DST that keeps
 * the mapping monotonic:
 * <ul>
 *   <li>a wall-clock time that does not exist (skipped by a spring-forward gap, e.g. 02:30 in
 *       Europe/Berlin on the last Sunday of March) is the instant the clocks jump, the first
 *       instant after the gap (so "02:30" and "03:00" both mean 03:00 local that day);</li>
 *   <li>a wall-clock time that occurs twice (fall-back overlap) is its first occurrence (the
 *       earlier offset, as {@link java.time.ZonedDateTime#of} chooses).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class WallClock {
    private final ZoneId zone;
    private final ZoneRules rules;

    public WallClock(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant of {@code time} on {@code date}, by the rule above. */
    public Instant toInstant(LocalDate date, LocalTime time) {
        return toInstant(date.atTime(time));
    }

    /** The instant of a local date-time, by the rule above. */
    public Instant toInstant(LocalDateTime local) {
        List<java.time.ZoneOffset> offsets = rules.getValidOffsets(local);
        if (!offsets.isEmpty()) {
            return local.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition gap = rules.getTransition(local);
        return gap.getInstant();
    }

    /** The local date of {@code at}. */
    public LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The local date-time of {@code at}. */
    public LocalDateTime localOf(Instant at) {
        return LocalDateTime.ofInstant(at, zone);
    }
}
