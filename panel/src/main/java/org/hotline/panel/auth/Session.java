package org.hotline.panel.auth;

import java.time.Instant;
import org.hotline.domain.ticket.Role;

/**
 * A logged-in browser. {@code id} is the cookie value (256 random bits, base64url); {@code
 * csrfToken} is a second secret the page reads from {@code /api/session} and sends back in the
 * {@code X-CSRF-Token} header on every state-changing call. {@code role} is the user's role
 * when the session was opened.
 */
public record Session(String id, String username, String displayName, Role role, String csrfToken,
                      Instant createdAt, Instant lastSeen) {

    public Session touchedAt(Instant now) {
        return new Session(id, username, displayName, role, csrfToken, createdAt, now);
    }
}
