package org.hotline.domain.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.hotline.domain.ticket.Role;

/**
 * A logged-in browser. {@code id} is the cookie value (256 random bits, base64url); {@code
 * csrfToken} is a second secret the page reads from {@code /api/session} and sends back in the
 * {@code X-CSRF-Token} header on every state-changing call. {@code role} is the user's role
 * when the session was opened (a role change ends the user's sessions).
 * {@code mustChangePassword}: the user logged in with a one-time password and may do nothing
 * but choose a new one (or log out).
 */
public record Session(String id, String username, String displayName, Role role, String csrfToken,
                      Instant createdAt, Instant lastSeen, boolean mustChangePassword) {

    public Session(String id, String username, String displayName, Role role, String csrfToken,
                   Instant createdAt, Instant lastSeen) {
        this(id, username, displayName, role, csrfToken, createdAt, lastSeen, false);
    }

    public Session touchedAt(Instant now) {
        return new Session(id, username, displayName, role, csrfToken, createdAt, now, mustChangePassword);
    }

    /** A fresh secret of 256 random bits, base64url without padding (session ids, CSRF tokens). */
    public static String randomToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Session[" + username + ", " + role + "]";
    }
}
