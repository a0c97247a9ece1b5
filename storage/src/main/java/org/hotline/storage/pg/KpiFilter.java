package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hotline.domain.report.KpiQuery;

/**
 * A query's line, kind and department as SQL conditions on columns of the same names, for the
 * reads of {@code ticket_facts} and of the daily sums.
 */
record KpiFilter(KpiQuery q) {

    /** The conditions, each {@code " AND column = ?"}, for the parts the query names. */
    String sql() {
        return (q.line().isPresent() ? " AND line = ?" : "") + (q.kind().isPresent() ? " AND kind = ?" : "")
                + (q.department().isPresent() ? " AND department = ?" : "");
    }

    /** Binds from parameter {@code i}; returns the next free one. */
    int bind(PreparedStatement ps, int i) throws SQLException {
        if (q.line().isPresent()) {
            ps.setString(i++, q.line().get());
        }
        if (q.kind().isPresent()) {
            ps.setString(i++, q.kind().get().name());
        }
        if (q.department().isPresent()) {
            ps.setString(i++, q.department().get());
        }
        return i;
    }
}
