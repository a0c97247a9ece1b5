package org.hotline.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a deadline policy: named {@code name}, due by {@code due} and extendable to at
 * most {@code max}, both counted from the ticket's acceptance, or from the due instant of
 * the earlier step {@code after} when given.
 */
public record DeadlineStep(String name, DueRule due, Optional<DueRule> max, Optional<String> after) {
    public DeadlineStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(after, "after");
    }

    /** A step counted from acceptance, without a maximum. */
    public static DeadlineStep of(String name, String due) {
        return new DeadlineStep(name, DueRule.parse(due), Optional.empty(), Optional.empty());
    }
}
