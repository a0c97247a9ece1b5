package org.hotline.panel.auth;

import java.util.Optional;
import org.hotline.domain.ticket.Role;

/**
 * Server-side sessions with idle expiry. Implementations are thread-safe. The panel ships
 * {@link InMemorySessionStore} (sessions end with the process: agents log in again after a
 * restart); a Redis-backed store can implement this port to share sessions between instances.
 */
public interface SessionStore {
    /** Creates and remembers a new session for the user. */
    Session create(String username, String displayName, Role role);

    /** The live session with this id, its idle timer restarted; empty if unknown or idle too long. */
    Optional<Session> touch(String id);

    /** Ends a session (log-out); unknown ids are ignored. */
    void remove(String id);

    /** Ends every session of a user (for example after a password change). */
    void removeUser(String username);
}
