package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday: the inclusive date range {@code from..to} (a single date has
 * {@code from == to}). No office hours on these dates. {@code to} before {@code from} is
 * reported by {@link ConfigValidator}.
 */
public record Holiday(LocalDate from, LocalDate to, String name) {
    public Holiday {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
    }

    /** A one-day holiday. */
    public static Holiday on(LocalDate date, String name) {
        return new Holiday(date, date, name);
    }

    /** Whether {@code date} lies in {@code from..to} (inclusive). */
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
