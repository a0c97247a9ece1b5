package org.hotline.domain.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of {@code deadline-policies}: its id and its ordered steps. */
public record DeadlinePolicy(String id, List<DeadlineStep> steps) {
    public DeadlinePolicy {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
    }

    /** The step named {@code name}, if any. */
    public Optional<DeadlineStep> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
