package org.hotline.domain.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One administrative act in the audit trail: who ({@code actor}, a user name or {@code cli:NAME}
 * for the command line), when, what ({@code action}: {@code user.created}, {@code user.role},
 * {@code department.saved}, {@code roster.override}, ...), on what ({@code subject}: the user
 * name, department id, {@code roster/date}) and the details (old and new values). Never
 * contains a password or hash.
 *
 * @param id assigned by the store, 0 before it is recorded
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, Map<String, String> detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank() || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an actor and an action");
        }
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static AuditEntry of(Instant at, String actor, String action, String subject, Map<String, String> detail) {
        return new AuditEntry(0, at, actor, action, subject, detail);
    }
}
