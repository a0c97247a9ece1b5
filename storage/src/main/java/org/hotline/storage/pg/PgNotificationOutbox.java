package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.domain.notify.Channel;
import org.hotline.domain.notify.Notification;
import org.hotline.domain.notify.NotificationOutbox;

/**
 * {@link NotificationOutbox} on table {@code notification_outbox} (migration V7_1). A claim takes
 * due rows with {@code FOR UPDATE SKIP LOCKED} and sets their lease in one statement, so two
 * instances claiming at once get disjoint rows. Thread-safe.
 */
public final class PgNotificationOutbox implements NotificationOutbox {
    private static final String COLUMNS = "id, key, kind, recipient, channel, address, subject, body, ticket_id, "
            + "attempts, not_before, last_error, created_at, sent_at";

    private final PgTransaction tx;

    public PgNotificationOutbox(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public boolean enqueue(Notification n, Instant notBefore, Instant now) {
        return tx.autoCommit("enqueue a notification", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO notification_outbox (key, kind, recipient, channel, address, subject, body, ticket_id,
                                                     not_before, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING""")) {
                ps.setString(1, n.key());
                ps.setString(2, n.kind());
                ps.setString(3, n.recipient());
                ps.setString(4, n.channel().name());
                ps.setString(5, n.address());
                ps.setString(6, TextRule.shortText(n.subject()));
                ps.setString(7, TextRule.longText(n.body()));
                ps.setLong(8, n.ticketId());
                ps.setTimestamp(9, TicketRows.timestamp(notBefore));
                ps.setTimestamp(10, TicketRows.timestamp(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Entry> claim(Instant now, Duration lease, int limit) {
        return tx.inTransaction("claim notifications", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE notification_outbox SET claimed_until = ?
                     WHERE id IN (SELECT id FROM notification_outbox
                                   WHERE sent_at IS NULL AND NOT dead AND not_before <= ?
                                     AND (claimed_until IS NULL OR claimed_until <= ?)
                                   ORDER BY not_before, id LIMIT ? FOR UPDATE SKIP LOCKED)
                    """ + " RETURNING " + COLUMNS)) {
                ps.setTimestamp(1, TicketRows.timestamp(now.plus(lease)));
                ps.setTimestamp(2, TicketRows.timestamp(now));
                ps.setTimestamp(3, TicketRows.timestamp(now));
                ps.setInt(4, Math.max(1, limit));
                return rows(ps);
            }
        });
    }

    @Override
    public void sent(long id, Instant now) {
        tx.autoCommit("mark a notification sent", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE notification_outbox SET sent_at = ?, claimed_until = NULL WHERE id = ? AND sent_at IS NULL")) {
                ps.setTimestamp(1, TicketRows.timestamp(now));
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void failed(long id, String error, Instant retryAt, Instant now) {
        tx.autoCommit("record a failed notification", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL,
                           not_before = COALESCE(?, not_before), dead = ?
                     WHERE id = ? AND sent_at IS NULL""")) {
                ps.setString(1, TextRule.longText(error));
                ps.setTimestamp(2, retryAt == null ? null : TicketRows.timestamp(retryAt));
                ps.setBoolean(3, retryAt == null);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Entry> dead(int limit) {
        return tx.autoCommit("read dead notifications", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM notification_outbox WHERE dead ORDER BY created_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, Math.max(1, limit));
                return rows(ps);
            }
        });
    }

    @Override
    public List<Entry> byKeyPrefix(String prefix, int limit) {
        return tx.autoCommit("read notifications", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM notification_outbox WHERE starts_with(key, ?) ORDER BY id LIMIT ?")) {
                ps.setString(1, prefix);
                ps.setInt(2, Math.max(1, limit));
                return rows(ps);
            }
        });
    }

    private static List<Entry> rows(PreparedStatement ps) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Notification n = new Notification(rs.getString(2), rs.getString(3), rs.getString(4),
                        Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9));
                out.add(new Entry(rs.getLong(1), n, rs.getInt(10), TicketRows.instant(rs.getTimestamp(11)),
                        rs.getString(12), TicketRows.instant(rs.getTimestamp(13)),
                        rs.getTimestamp(14) == null ? null : TicketRows.instant(rs.getTimestamp(14))));
            }
        }
        return out;
    }
}
