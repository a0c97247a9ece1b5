package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A rotation of one or more weeks that repeats forever in both directions; {@code anchor} is
 * the Monday of week 0 (checked by {@link ConfigValidator}).
 */
public record Rotation(LocalDate anchor, List<RotationWeek> weeks) {
    public Rotation {
        Objects.requireNonNull(anchor, "anchor");
        weeks = List.copyOf(weeks);
    }
}
