package org.hotline.domain.store;

import java.util.Optional;
import org.hotline.domain.ticket.Role;

/**
 * Server-side panel sessions with idle expiry. Implementations are thread-safe. The panel ships
 * an in-memory store (tests; sessions end with the process); storage's PostgreSQL store keeps
 * them across restarts and shares them between instances.
 */
public interface SessionStore {
    /** Creates and remembers a new session for the user. */
    Session create(String username, String displayName, Role role, boolean mustChangePassword);

    /** A session of a user with a password of their own. */
    default Session create(String username, String displayName, Role role) {
        return create(username, displayName, role, false);
    }

    /** The live session with this id, its idle timer restarted; empty if unknown or idle too long. */
    Optional<Session> touch(String id);

    /** Ends a session (log-out); unknown ids are ignored. */
    void remove(String id);

    /** Ends every session of a user (after a password change, a deactivation or a role change). */
    void removeUser(String username);

    /** Drops every session idle longer than the timeout; returns how many. */
    int sweep();
}
