package org.hotline.domain.config;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One week of a rotation: the slots per weekday; a weekday left out has nobody on duty. */
public record RotationWeek(Map<DayOfWeek, DaySlots> days) {
    public RotationWeek {
        EnumMap<DayOfWeek, DaySlots> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((d, s) -> copy.put(Objects.requireNonNull(d), Objects.requireNonNull(s)));
        days = Collections.unmodifiableMap(copy);
    }

    /** The slots of {@code day}, {@link DaySlots#EMPTY} when the weekday is left out. */
    public DaySlots on(DayOfWeek day) {
        return days.getOrDefault(day, DaySlots.EMPTY);
    }
}
