package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;
import org.hotline.domain.store.UserStore;

/** {@link UserStore} on PostgreSQL table {@code users}. Stores the hash it is given. Thread-safe. */
public final class PgUserRepository implements UserStore {

    private final PgTransaction tx;

    public PgUserRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public User create(User u) {
        return tx.autoCommit("create user " + u.username(), c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO users (username, display_name, role, password_hash, phone, active)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")) {
                bind(ps, u);
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("user name '" + u.username() + "' is already taken");
                }
            }
            return u;
        });
    }

    @Override
    public User update(User u) {
        return tx.autoCommit("update user " + u.username(), c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE users SET display_name = ?, role = ?, password_hash = ?, phone = ?, active = ?
                     WHERE username = ?""")) {
                ps.setString(1, TextRule.name(u.displayName()));
                ps.setString(2, u.role().name());
                ps.setString(3, u.passwordHash());
                ps.setString(4, TextRule.shortText(u.phone()));
                ps.setBoolean(5, u.active());
                ps.setString(6, u.username());
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no user '" + u.username() + "'");
                }
            }
            return u;
        });
    }

    @Override
    public Optional<User> find(String username) {
        List<User> l = query("find user " + username, "WHERE username = ?", username);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<User> list() {
        return query("list users", "ORDER BY username", null);
    }

    @Override
    public boolean hasActiveAdmin() {
        return !query("look for an admin", "WHERE role = 'ADMIN' AND active LIMIT 1", null).isEmpty();
    }

    private static void bind(PreparedStatement ps, User u) throws SQLException {
        ps.setString(1, TextRule.shortText(u.username()));
        ps.setString(2, TextRule.name(u.displayName()));
        ps.setString(3, u.role().name());
        ps.setString(4, u.passwordHash());
        ps.setString(5, TextRule.shortText(u.phone()));
        ps.setBoolean(6, u.active());
    }

    private List<User> query(String what, String tail, String arg) {
        return tx.autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT username, display_name, role, password_hash, phone, active FROM users " + tail)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                List<User> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                    }
                }
                return out;
            }
        });
    }
}
