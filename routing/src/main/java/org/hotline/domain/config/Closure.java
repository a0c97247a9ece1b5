package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An ad-hoc closure, the half-open local date-time range {@code [from, to)}: no working time
 * in it, and calls in it are routed as in closed time. {@code to} not after {@code from} is
 * reported by {@link ConfigValidator}.
 */
public record Closure(LocalDateTime from, LocalDateTime to, String reason) {
    public Closure {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether {@code time} lies in {@code [from, to)}. */
    public boolean contains(LocalDateTime time) {
        return !time.isBefore(from) && time.isBefore(to);
    }
}
