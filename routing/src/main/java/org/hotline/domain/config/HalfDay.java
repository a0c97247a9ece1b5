package org.hotline.domain.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A working day with shortened {@code hours} (replacing that day's office hours). */
public record HalfDay(LocalDate date, List<TimeRange> hours, String name) {
    public HalfDay {
        Objects.requireNonNull(date, "date");
        hours = List.copyOf(hours);
        Objects.requireNonNull(name, "name");
    }
}
