package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hotline.domain.store.CallDetailRecord;
import org.hotline.domain.store.CallRecordStore;

/**
 * Asterisk's call records on PostgreSQL: table {@code cdr} (written by Asterisk's cdr_pgsql as
 * role {@code hotline_cdr}, read here by the application role) and {@code cdr_reconciled} (one
 * row per call already reconciled into a ticket). Calls older than {@link #LOOKBACK} are no
 * longer looked at. {@code calldate} is UTC wall-clock time (cdr_pgsql.conf {@code timezone=UTC}).
 * Thread-safe.
 */
public final class PgCallRecordRepository implements CallRecordStore {

    /** How far back records are reconciled: a call older than this is left as it is. */
    public static final Duration LOOKBACK = Duration.ofDays(7);
    /** The advisory-lock key of a reconciliation pass, the same in every instance of the service. */
    static final long LOCK_KEY = 0x686f746c696e6543L; // "hotlineC"

    private final PgTransaction tx;
    private final DataSource dataSource;
    private final Clock clock;

    public PgCallRecordRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.tx = new PgTransaction(dataSource);
        this.clock = clock;
    }

    @Override
    public List<List<CallDetailRecord>> unreconciled(Duration settled, int limit) {
        return tx.autoCommit("read Asterisk's call records", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH calls AS (
                        SELECT d.linkedid, min(d.id) AS first
                          FROM cdr d
                         WHERE d.hotline_dialled <> '' AND d.linkedid <> ''
                           AND d.recorded_at > now() - make_interval(secs => ?)
                           AND NOT EXISTS (SELECT 1 FROM cdr_reconciled r WHERE r.linkedid = d.linkedid)
                         GROUP BY d.linkedid
                        HAVING max(d.recorded_at) <= now() - make_interval(secs => ?)
                         ORDER BY first
                         LIMIT ?)
                    SELECT d.linkedid, d.uniqueid, d.calldate AT TIME ZONE 'UTC' AS start, d.src, d.clid, d.channel,
                           d.dstchannel, d.lastapp, d.lastdata, d.disposition, d.billsec, d.sequence, d.hotline_dialled
                      FROM cdr d JOIN calls ON calls.linkedid = d.linkedid
                     ORDER BY calls.first, d.sequence, d.id""")) {
                ps.setLong(1, LOOKBACK.toSeconds());
                ps.setDouble(2, settled.toMillis() / 1000.0);
                ps.setInt(3, limit);
                Map<String, List<CallDetailRecord>> calls = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CallDetailRecord r = new CallDetailRecord(rs.getString("linkedid"), rs.getString("uniqueid"),
                                rs.getTimestamp("start").toInstant(), rs.getString("src"), rs.getString("clid"),
                                rs.getString("channel"), rs.getString("dstchannel"), rs.getString("lastapp"),
                                rs.getString("lastdata"), rs.getString("disposition"), rs.getInt("billsec"),
                                rs.getInt("sequence"), rs.getString("hotline_dialled"));
                        calls.computeIfAbsent(r.linkedid(), k -> new ArrayList<>()).add(r);
                    }
                }
                return List.copyOf(calls.values().stream().map(List::copyOf).toList());
            }
        });
    }

    /** When Asterisk last wrote a call record (within {@link #LOOKBACK}); empty when it wrote none. */
    public Optional<java.time.Instant> lastRecordAt() {
        return tx.autoCommit("read Asterisk's latest call record", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT max(recorded_at) FROM cdr WHERE recorded_at > now() - make_interval(secs => ?)")) {
                ps.setLong(1, LOOKBACK.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.sql.Timestamp t = rs.getTimestamp(1);
                    return Optional.ofNullable(t).map(java.sql.Timestamp::toInstant);
                }
            }
        });
    }

    @Override
    public void markReconciled(String linkedid, Long ticketId, String result) {
        tx.autoCommit("note a reconciled call", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO cdr_reconciled (linkedid, ticket_id, result, reconciled_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (linkedid) DO NOTHING""")) {
                ps.setString(1, linkedid);
                if (ticketId == null) {
                    ps.setNull(2, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(2, ticketId);
                }
                ps.setString(3, result);
                ps.setTimestamp(4, TicketRows.timestamp(clock.instant()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public <T> Optional<T> exclusively(Supplier<T> pass) {
        return tx.autoCommit("take the reconciliation lock", c -> {
            if (!lock(c, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.empty();
            }
            try {
                return Optional.of(pass.get());
            } finally {
                lock(c, "SELECT pg_advisory_unlock(?)");
            }
        });
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
