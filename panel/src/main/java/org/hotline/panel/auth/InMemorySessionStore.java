package org.hotline.panel.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.ticket.Role;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory, expiring after {@code idleTimeout} without a request.
 * Expired entries are dropped when touched and by {@link #sweep()}, which the server calls
 * periodically. Ids and CSRF tokens are 256 bits from {@link SecureRandom}. Thread-safe.
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;

    public InMemorySessionStore(Clock clock, Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle timeout must be positive, got " + idleTimeout);
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Session create(String username, String displayName, Role role) {
        Instant now = clock.instant();
        Session s = new Session(token(), username, displayName, role, token(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    @Override
    public Optional<Session> touch(String id) {
        Instant now = clock.instant();
        Session updated = sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null : s.touchedAt(now));
        return Optional.ofNullable(updated);
    }

    @Override
    public void remove(String id) {
        sessions.remove(id);
    }

    @Override
    public void removeUser(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }

    /** Drops every session idle longer than the timeout. */
    public void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    public int size() { return sessions.size(); }

    private boolean expired(Session s, Instant now) {
        return !s.lastSeen().plus(idleTimeout).isAfter(now);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
