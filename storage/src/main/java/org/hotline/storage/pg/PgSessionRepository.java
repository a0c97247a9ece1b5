package org.hotline.storage.pg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.domain.store.Session;
import org.hotline.domain.store.SessionStore;
import org.hotline.domain.ticket.Role;

/**
 * {@link SessionStore} on PostgreSQL table {@code panel_sessions}: sessions survive a restart
 * and every instance sees the same ones, so ending a user's sessions ends them everywhere. The
 * row is keyed by the SHA-256 of the cookie value, never the value itself. A session idle for
 * {@code idleTimeout} is gone: {@link #touch} no longer returns it, {@link #sweep} deletes it.
 * Thread-safe.
 */
public final class PgSessionRepository implements SessionStore {
    private final PgTransaction tx;
    private final Clock clock;
    private final Duration idleTimeout;
    private final SecureRandom random = new SecureRandom();

    public PgSessionRepository(DataSource dataSource, Clock clock, Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle timeout must be positive, got " + idleTimeout);
        }
        this.tx = new PgTransaction(dataSource);
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Session create(String username, String displayName, Role role, boolean mustChangePassword) {
        Instant now = clock.instant();
        Session s = new Session(Session.randomToken(random), username, displayName, role, Session.randomToken(random),
                now, now, mustChangePassword);
        return tx.autoCommit("create a session for " + username, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO panel_sessions (id_hash, username, display_name, role, csrf_token, must_change_password,
                                                created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, hash(s.id()));
                ps.setString(2, username);
                ps.setString(3, TextRule.name(displayName));
                ps.setString(4, role.name());
                ps.setString(5, s.csrfToken());
                ps.setBoolean(6, mustChangePassword);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                ps.executeUpdate();
            }
            return s;
        });
    }

    @Override
    public Optional<Session> touch(String id) {
        Instant now = clock.instant();
        return tx.autoCommit("look up a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE panel_sessions SET last_seen = ? WHERE id_hash = ? AND last_seen > ?
                    RETURNING username, display_name, role, csrf_token, created_at, must_change_password""")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, hash(id));
                ps.setTimestamp(3, Timestamp.from(now.minus(idleTimeout)));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Session(id, rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), now, rs.getBoolean(6)));
                }
            }
        });
    }

    @Override
    public void remove(String id) {
        delete("end a session", "id_hash = ?", hash(id));
    }

    @Override
    public void removeUser(String username) {
        delete("end the sessions of " + username, "username = ?", username);
    }

    @Override
    public int sweep() {
        return tx.autoCommit("end idle sessions", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM panel_sessions WHERE last_seen <= ?")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant().minus(idleTimeout)));
                return ps.executeUpdate();
            }
        });
    }

    private void delete(String what, String where, String arg) {
        tx.autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM panel_sessions WHERE " + where)) {
                ps.setString(1, arg);
                return ps.executeUpdate();
            }
        });
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
