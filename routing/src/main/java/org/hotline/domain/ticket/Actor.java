package org.hotline.domain.ticket;

import java.util.Objects;
import java.util.Set;

/**
 * Who performs an action: a panel user name (or a system name such as {@code "ivr"}) and the
 * role it acts in. Recorded in every {@link HistoryEvent}.
 *
 * <p>An agent's reach ({@link #lines}, {@link #department}) limits what they see to what their
 * work needs (see {@link #reaches}): the lines their department handles by default, that
 * department's tickets, and their own. Empty {@code lines} with no department is every line
 * (an agent of no department, or of one that names no lines); other roles are never limited by it.
 *
 * @param lines      the lines an agent works (empty: every line)
 * @param department the agent's department, or {@code null}
 */
public record Actor(String id, Role role, Set<String> lines, String department) {
    public Actor {
        Objects.requireNonNull(role, "role");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs a non-blank id");
        }
        lines = lines == null ? Set.of() : Set.copyOf(lines);
    }

    /** An actor whose reach is not limited to lines or a department. */
    public Actor(String id, Role role) {
        this(id, role, Set.of(), null);
    }

    /** The IVR acting on a call. */
    public static Actor ivr() {
        return new Actor("ivr", Role.SYSTEM);
    }

    /** Whether this actor's reach is limited (an agent whose department names its lines). */
    public boolean limited() {
        return role == Role.AGENT && !lines.isEmpty();
    }

    /**
     * Whether a ticket of {@code line} in {@code ticketDepartment}, owned by {@code owner}, is
     * within this actor's reach (confidentiality is decided apart, by {@link Ticket#visibleTo}).
     */
    public boolean reaches(String line, String ticketDepartment, String owner) {
        return !limited() || id.equals(owner) || lines.contains(line)
                || (department != null && department.equals(ticketDepartment));
    }
}
