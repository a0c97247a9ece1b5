package org.hotline.domain.deadline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The computed deadline of one policy step: counted from {@code start} (the ticket's
 * acceptance, or the due instant of the step named in {@code after}), due at {@code due},
 * extendable to {@code max} when the step has one.
 */
public record StepDeadline(String step, Instant start, Instant due, Optional<Instant> max) {
    public StepDeadline {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(max, "max");
    }
}
