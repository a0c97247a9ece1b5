package org.hotline.domain.ticket;

import java.util.Set;

/**
 * A department tickets are dispatched to. {@code id} is a short stable code.
 *
 * @param manager the user name of the department's manager, or {@code null}
 * @param kinds   the kinds of request it handles by default
 * @param lines   the line ids it handles by default; dispatch proposes the active department
 *                whose kinds and lines cover a ticket (an empty set matches any)
 */
public record Department(String id, String name, boolean active, String manager, Set<RequestKind> kinds,
                         Set<String> lines) {
    public Department {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a department needs a non-blank id");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("department " + id + " needs a name");
        }
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        lines = lines == null ? Set.of() : Set.copyOf(lines);
    }

    /** A department with no manager and no default kinds or lines. */
    public Department(String id, String name, boolean active) {
        this(id, name, active, null, Set.of(), Set.of());
    }

    /**
     * How well this department fits a ticket of {@code kind} on {@code line} by default: 2 when
     * it names both, 1 when it names one and leaves the other open, 0 when it names neither,
     * -1 when it names another kind or line (it does not handle the ticket).
     */
    public int fit(RequestKind kind, String line) {
        if (!kinds.isEmpty() && (kind == null || !kinds.contains(kind))) {
            return -1;
        }
        if (!lines.isEmpty() && (line == null || !lines.contains(line))) {
            return -1;
        }
        return (kinds.isEmpty() ? 0 : 1) + (lines.isEmpty() ? 0 : 1);
    }
}
