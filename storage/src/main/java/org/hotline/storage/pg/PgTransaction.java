package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.hotline.domain.store.StoreUnavailableException;

/**
 * Runs JDBC work in one transaction on a pooled connection and translates failures: a lost or
 * refused connection becomes {@link StoreUnavailableException}; any other SQL error an
 * {@link IllegalStateException} naming what was being done. Stateless apart from the data
 * source; thread-safe.
 */
final class PgTransaction {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    PgTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in a transaction (committed on return, rolled back on any exception). */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    /** Runs {@code work} on an auto-commit connection (a single statement is its own transaction). */
    <T> T autoCommit(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    static RuntimeException translate(String what, SQLException e) {
        if (isConnectionFailure(e)) {
            return new StoreUnavailableException("PostgreSQL is unreachable while trying to " + what
                    + " (" + e.getMessage() + "); check that the database is running", e);
        }
        return new IllegalStateException("PostgreSQL refused to " + what + ": " + e.getMessage()
                + " [SQLState " + e.getSQLState() + "]", e);
    }

    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().equals("57P01")
                            || s.getSQLState().equals("57P02") || s.getSQLState().equals("57P03"))) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }
}
