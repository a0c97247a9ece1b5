package org.hotline.storage.pg;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.domain.notify.Alert;
import org.hotline.domain.notify.AlertStore;

/**
 * {@link AlertStore} on PostgreSQL table {@code alerts}: one row per alert key (a second raise is
 * a no-op), acknowledged by one conditional update that only an unacknowledged row matches, so
 * two people acknowledging at once leave the first one's name. The table's trigger refuses any
 * other change and every delete. Thread-safe.
 */
public final class PgAlertRepository implements AlertStore {
    private static final String COLUMNS =
            "id, alert_key, kind, subject, ticket_id, recipients, urgent, raised_at, acknowledged_by, acknowledged_at";

    private final PgTransaction tx;

    public PgAlertRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public boolean raise(String key, String kind, String subject, long ticketId, Collection<String> recipients,
            boolean urgent, Instant at) {
        return tx.autoCommit("raise alert " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO alerts (alert_key, kind, subject, ticket_id, recipients, urgent, raised_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_key) DO NOTHING""")) {
                ps.setString(1, TextRule.clean(key, 400));
                ps.setString(2, TextRule.shortText(kind));
                ps.setString(3, TextRule.name(subject));
                ps.setLong(4, ticketId);
                ps.setArray(5, c.createArrayOf("text", recipients.stream().map(TextRule::shortText).toArray()));
                ps.setBoolean(6, urgent);
                ps.setTimestamp(7, TicketRows.timestamp(at));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Alert> find(long id) {
        return tx.autoCommit("read alert " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(alert(rs)) : Optional.<Alert>empty();
                }
            }
        });
    }

    @Override
    public Optional<Alert> acknowledge(long id, String by, Instant at) {
        Optional<Alert> done = tx.autoCommit("acknowledge alert " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ?"
                    + " WHERE id = ? AND acknowledged_at IS NULL RETURNING " + COLUMNS)) {
                ps.setString(1, TextRule.shortText(by));
                ps.setTimestamp(2, TicketRows.timestamp(at));
                ps.setLong(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(alert(rs)) : Optional.<Alert>empty();
                }
            }
        });
        if (done.isPresent()) {
            return done;
        }
        Optional<Alert> existing = find(id);
        if (existing.isPresent()) {
            throw new AlreadyAcknowledgedException(existing.get());
        }
        return Optional.empty();
    }

    @Override
    public List<Alert> recent(boolean openOnly, int limit, long beforeId) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000, was " + limit);
        }
        return tx.autoCommit("read alerts", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts"
                    + " WHERE (? <= 0 OR id < ?) AND (NOT ? OR acknowledged_at IS NULL) ORDER BY id DESC LIMIT ?")) {
                ps.setLong(1, beforeId);
                ps.setLong(2, beforeId);
                ps.setBoolean(3, openOnly);
                ps.setInt(4, limit);
                List<Alert> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(alert(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Array recipients = rs.getArray(6);
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                Arrays.asList((String[]) recipients.getArray()), rs.getBoolean(7), TicketRows.instant(rs.getTimestamp(8)),
                rs.getString(9), TicketRows.instant(rs.getTimestamp(10)));
    }
}
