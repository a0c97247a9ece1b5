package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes of one transaction whose results nobody reads, held until {@link #flush} sends them, in
 * the order added, in one round trip: the driver runs the statements of one text, separated by
 * semicolons, in a single exchange with the server. A ticket change's deadlines, facts and daily
 * sums thus cost one round trip instead of up to four. A statement that fails fails the flush,
 * and with it the transaction, as it would have alone. Not thread-safe: one per transaction.
 */
final class PgWrites {

    /** Binds one statement's parameters from {@code first}; returns the next parameter index. */
    @FunctionalInterface
    interface Binder {
        int bind(Connection c, PreparedStatement ps, int first) throws SQLException;
    }

    private final List<String> statements = new ArrayList<>();
    private final List<Binder> binders = new ArrayList<>();

    void add(String sql, Binder binder) {
        statements.add(sql);
        binders.add(binder);
    }

    boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Sends what was added, then forgets it; nothing to send is no round trip. */
    void flush(Connection c) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(String.join(";\n", statements))) {
            int next = 1;
            for (Binder b : binders) {
                next = b.bind(c, ps, next);
            }
            boolean resultSet = ps.execute();
            while (resultSet || ps.getUpdateCount() != -1) {
                resultSet = ps.getMoreResults();
            }
        } finally {
            statements.clear();
            binders.clear();
        }
    }
}
