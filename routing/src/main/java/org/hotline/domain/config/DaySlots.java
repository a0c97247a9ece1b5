package org.hotline.domain.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One weekday of a rotation week: {@code duty} answers after hours and in closed time,
 * {@code lunch} answers in the lunch window. An empty slot has nobody.
 */
public record DaySlots(Optional<DutyPair> duty, Optional<DutyPair> lunch) {
    public static final DaySlots EMPTY = new DaySlots(Optional.empty(), Optional.empty());

    public DaySlots {
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(lunch, "lunch");
    }
}
