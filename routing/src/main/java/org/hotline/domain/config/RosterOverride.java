package org.hotline.domain.config;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated override (swap, leave) for the duty day {@code date}: each slot given replaces the
 * rotation's slot; a slot not given keeps the rotation's.
 */
public record RosterOverride(LocalDate date, Optional<DutyPair> duty, Optional<DutyPair> lunch, String note) {
    public RosterOverride {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(lunch, "lunch");
        Objects.requireNonNull(note, "note");
    }
}
