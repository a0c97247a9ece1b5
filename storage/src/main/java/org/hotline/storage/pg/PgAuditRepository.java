package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.ticket.AuditEntry;

/** {@link AuditTrail} on the append-only PostgreSQL table {@code audit_events}. Thread-safe. */
public final class PgAuditRepository implements AuditTrail {
    private final PgTransaction tx;

    public PgAuditRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public AuditEntry record(AuditEntry e) {
        return tx.autoCommit("record " + e.action() + " in the audit trail", c -> insert(c, e));
    }

    /** Appends {@code e} on {@code c}, inside the caller's transaction when it has one; returns it with its id. */
    static AuditEntry insert(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_events (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            ps.setTimestamp(1, Timestamp.from(e.at()));
            ps.setString(2, TextRule.shortText(e.actor()));
            ps.setString(3, TextRule.shortText(e.action()));
            ps.setString(4, TextRule.name(e.subject()));
            ps.setString(5, TicketRows.json(e.detail()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AuditEntry(rs.getLong(1), e.at(), e.actor(), e.action(), e.subject(), e.detail());
            }
        }
    }

    @Override
    public List<AuditEntry> recent(int limit, long beforeId) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1-500, was " + limit);
        }
        return tx.autoCommit("read the audit trail", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, at, actor, action, subject, detail::text FROM audit_events
                     WHERE ? <= 0 OR id < ? ORDER BY id DESC LIMIT ?""")) {
                ps.setLong(1, beforeId);
                ps.setLong(2, beforeId);
                ps.setInt(3, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), TicketRows.stringMap(rs.getString(6))));
                    }
                }
                return out;
            }
        });
    }
}
