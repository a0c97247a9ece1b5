package org.hotline.storage.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * Brings a database to the current schema and opens the application's pool.
 *
 * <p>Two roles: the OWNER runs the Flyway migrations ({@code db/migration/V*.sql}) and owns the
 * tables; the APPLICATION role, which the service connects as, gets only the grants the migration
 * gives it: it can insert and read {@code ticket_events} but never update, delete or truncate it
 * (and a trigger refuses those even to the owner). When both are the same role (a real server
 * configured with one user), the revokes still apply to that role and the trigger still holds.
 */
public final class PgSchema {

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PgSchema() {}

    /**
     * Creates the application role if it does not exist (the owner needs CREATEROLE for that), and
     * sets its password when {@code setPassword} (the embedded server, where the password is
     * generated at each start).
     *
     * @throws IllegalStateException with what to do, when the role is missing and cannot be created
     */
    public static void ensureAppRole(PgEndpoint owner, String role, String password, boolean setPassword) {
        checkRoleName(role);
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (exists && !setPassword) {
                return;
            }
            String ddl = loginDdl(c, exists ? "ALTER" : "CREATE", role, password);
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().equals("42710")) {
                    return; // created concurrently
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the application role '" + role + "' as " + owner
                    + ": " + e.getMessage() + ". Create it yourself (CREATE ROLE " + role
                    + " LOGIN PASSWORD '...') or give the owner CREATEROLE", e);
        }
    }

    /** {@code CREATE|ALTER ROLE role WITH LOGIN PASSWORD '...'}, quoted by the server (never by string pasting). */
    private static String loginDdl(Connection c, String verb, String role, String password) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT format('" + verb + " ROLE %I WITH LOGIN PASSWORD %L', ?::text, ?::text)")) {
            ps.setString(1, role);
            ps.setString(2, password);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Creates database {@code name} if missing, connected as a role allowed to (embedded superuser). */
    public static void ensureDatabase(PgEndpoint admin, String name) {
        checkRoleName(name);
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " as " + admin + ": " + e.getMessage(), e);
        }
    }

    /** The role Asterisk's cdr_pgsql writes call records as (created by migration V4). */
    public static final String CDR_ROLE = "hotline_cdr";

    /**
     * Lets Asterisk's cdr_pgsql log in as {@value #CDR_ROLE} with {@code password} (run as the owner,
     * after {@link #migrate}). The role keeps only what the migration granted: INSERT into
     * {@code cdr}.
     *
     * @throws IllegalStateException with what to do, when the role is missing or cannot be changed
     */
    public static void enableCdrRole(PgEndpoint owner, String password) {
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
                Statement s = c.createStatement()) {
            s.execute(loginDdl(c, "ALTER", CDR_ROLE, password));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the call-record role '" + CDR_ROLE + "' its password as "
                    + owner + ": " + e.getMessage() + ". Create it yourself (CREATE ROLE " + CDR_ROLE
                    + " LOGIN PASSWORD '...'; GRANT INSERT ON cdr TO " + CDR_ROLE + "; GRANT USAGE ON SEQUENCE cdr_id_seq TO "
                    + CDR_ROLE + ") and leave storage.cdr-password out", e);
        }
    }

    /** Runs pending migrations as the owner, granting the application role its rights. */
    public static void migrate(PgEndpoint owner, String appRole) {
        checkRoleName(appRole);
        Flyway.configure()
                .dataSource(owner.url(), owner.user(), owner.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", appRole))
                .load()
                .migrate();
    }

    /** The application's connection pool. */
    public static HikariDataSource pool(PgEndpoint app, int size, Duration connectTimeout) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(app.url());
        cfg.setUsername(app.user());
        cfg.setPassword(app.password());
        cfg.setMaximumPoolSize(size);
        cfg.setMinimumIdle(Math.min(2, size));
        cfg.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        cfg.setValidationTimeout(Math.max(250, Math.min(connectTimeout.toMillis(), 1000)));
        cfg.setInitializationFailTimeout(-1);
        cfg.setPoolName("hotline-pg");
        cfg.addDataSourceProperty("connectTimeout", Math.max(1, connectTimeout.toSeconds()));
        cfg.addDataSourceProperty("socketTimeout", 30);
        cfg.addDataSourceProperty("ApplicationName", "hotline");
        return new HikariDataSource(cfg);
    }

    private static void checkRoleName(String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("'" + role + "' is not a plain lower-case PostgreSQL name");
        }
    }
}
