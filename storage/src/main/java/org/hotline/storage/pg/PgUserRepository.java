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

/**
 * {@link UserStore} on PostgreSQL table {@code users}. Stores the hash it is given. A phone
 * device or roster person already held by another user is refused by a unique index and
 * reported as {@link IllegalArgumentException}. Thread-safe.
 */
public final class PgUserRepository implements UserStore {

    private static final String COLUMNS =
            "username, display_name, role, password_hash, phone, active, department, roster_person, must_change_password";

    private final PgTransaction tx;

    public PgUserRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public User create(User u) {
        return write("create user " + u.username(), u, "INSERT INTO users (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                "user name '" + u.username() + "' is already taken");
    }

    @Override
    public User update(User u) {
        return write("update user " + u.username(), u, """
                UPDATE users SET display_name = ?, role = ?, password_hash = ?, phone = ?, active = ?,
                       department = ?, roster_person = ?, must_change_password = ?
                 WHERE username = ?""", "no user '" + u.username() + "'");
    }

    private User write(String what, User u, String sql, String whenNoRow) {
        return tx.autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, u, sql.startsWith("UPDATE"));
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException(whenNoRow);
                }
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new IllegalArgumentException(e.getMessage().contains("roster_person")
                            ? "roster person '" + u.rosterPerson() + "' is already another user"
                            : "phone device '" + u.phone() + "' already belongs to another user");
                }
                throw e;
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

    private static void bind(PreparedStatement ps, User u, boolean usernameLast) throws SQLException {
        int i = usernameLast ? 0 : 1;
        if (!usernameLast) {
            ps.setString(1, TextRule.shortText(u.username()));
        }
        ps.setString(i + 1, TextRule.name(u.displayName()));
        ps.setString(i + 2, u.role().name());
        ps.setString(i + 3, u.passwordHash());
        ps.setString(i + 4, TextRule.shortText(u.phone()));
        ps.setBoolean(i + 5, u.active());
        ps.setString(i + 6, TextRule.shortText(u.department()));
        ps.setString(i + 7, TextRule.shortText(u.rosterPerson()));
        ps.setBoolean(i + 8, u.mustChangePassword());
        if (usernameLast) {
            ps.setString(9, u.username());
        }
    }

    private List<User> query(String what, String tail, String arg) {
        return tx.autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users " + tail)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                List<User> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                                rs.getBoolean(9)));
                    }
                }
                return out;
            }
        });
    }
}
