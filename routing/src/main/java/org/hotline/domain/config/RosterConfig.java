package org.hotline.domain.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code rosters}: the duty day runs from {@code dutyDayStarts} to the same time
 * the next day (a night belongs to the duty day on which it began), the repeating rotation,
 * and the dated overrides.
 */
public record RosterConfig(String id, LocalTime dutyDayStarts, Rotation rotation, List<RosterOverride> overrides) {
    public RosterConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dutyDayStarts, "dutyDayStarts");
        Objects.requireNonNull(rotation, "rotation");
        overrides = List.copyOf(overrides);
    }
}
