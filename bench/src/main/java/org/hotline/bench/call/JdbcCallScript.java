package org.hotline.bench.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/**
 * The baseline of the call-path benchmark: the production call's conversation as an
 * Asterisk-Java {@link AgiScript} (one thread per call), writing the same rows as the
 * {@code hotline} flow with plain JDBC through a pool, each write awaited by the caller as the
 * flow awaits it: the ticket with its opening event and caller row (one transaction, the number
 * from {@code next_ticket_number}); the intake (ticket row, deadlines, event, outbox row); the
 * forward (row, event, outbox) before the dial; the answer (row, event, outbox) after it. It
 * does not route, compute working-time deadlines (it writes two fixed ones) or read the ticket
 * back: the work it skips is the service's own. Thread-safe (a connection per write).
 */
final class JdbcCallScript implements AgiScript {

    private static final String OPEN = """
            WITH ins AS (
              INSERT INTO tickets (number, line, urgency, status, caller_number, uniqueid, linkedid, version,
                                   created_at, updated_at)
              SELECT 'HL-' || ? || '-' || lpad(n::text, greatest(6, length(n::text)), '0'), ?, 'NORMAL', 'ACCEPTED',
                     ?, ?, ?, 0, ?, ?
                FROM next_ticket_number(?) AS n
              ON CONFLICT (linkedid) DO NOTHING
              RETURNING id, number, created_at
            ), ev AS (
              INSERT INTO ticket_events (ticket_id, seq, at, actor, actor_role, action, from_state, to_state, data)
              SELECT id, 1, created_at, 'ivr', 'SYSTEM', 'opened', NULL, 'ACCEPTED', jsonb_build_object('line', ?::text)
                FROM ins
            ), cl AS (
              INSERT INTO callers (number, first_seen) SELECT ?, ? WHERE ? IS NOT NULL ON CONFLICT (number) DO NOTHING
            )
            SELECT id, number FROM ins
            """;
    private static final String UPDATE = """
            UPDATE tickets SET kind = coalesce(?, kind), callback_number = coalesce(?, callback_number),
                   location = coalesce(?, location), call_disposition = coalesce(?, call_disposition),
                   forwarded_to = coalesce(?, forwarded_to), version = version + 1, updated_at = ?
             WHERE id = ?
            """;
    private static final String EVENT = """
            INSERT INTO ticket_events (ticket_id, seq, at, actor, actor_role, action, from_state, to_state, data)
            SELECT ?, coalesce(max(seq), 0) + 1, ?, 'ivr', 'SYSTEM', ?, 'ACCEPTED', 'ACCEPTED', '{}'::jsonb
              FROM ticket_events WHERE ticket_id = ?
            """;
    private static final String[] KINDS = {"COMPLAINT", "INQUIRY", "SUGGESTION", "REPORT", "REPAIR"};

    private final DataSource pool;
    private final ZoneId zone;

    JdbcCallScript(DataSource pool, ZoneId zone) {
        this.pool = pool;
        this.zone = zone;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.answer();
        String linkedid = channel.getVariable("CHANNEL(linkedid)");
        String caller = request.getCallerIdNumber();
        String line = request.getDnid() != null && request.getDnid().endsWith("5678") ? "service" : "complaints";
        long id;
        try {
            String[] ticket = open(line, caller, request.getUniqueId(), linkedid);
            id = Long.parseLong(ticket[0]);
            channel.setVariable("HOTLINE_TICKET", ticket[1]);
        } catch (SQLException e) {
            channel.setVariable("HOTLINE_STATUS", "FALLBACK");
            return;
        }
        play(channel, "hotline/welcome-after-hours");
        String kindKey = channel.getData("hotline/menu", 5000, 1);
        play(channel, "hotline/callback-confirm");
        channel.sayDigits(caller);
        String callback = caller;
        if ("2".equals(channel.getData("hotline/callback-choice", 5000, 1))) {
            callback = channel.getData("hotline/callback-enter", 5000, 20);
        }
        String location = channel.getData("hotline/location", 5000, 12);
        if ("1".equals(channel.getData("hotline/message-offer", 5000, 1))) {
            channel.recordFile("/var/spool/asterisk/hotline-messages/" + linkedid, "wav", "#", 120_000, 0, true, 5);
        }
        int k = kindKey == null || kindKey.isEmpty() ? 0 : Math.max(0, Math.min(4, kindKey.charAt(0) - '1'));
        String kind = KINDS[k];
        write(id, kind, callback, location, null, null, "intake", true);
        channel.setVariable("HOTLINE_KIND", kind.toLowerCase());
        channel.setVariable("HOTLINE_ACTION", "FORWARD");
        channel.setVariable("HOTLINE_TARGETS", "2");
        channel.setVariable("HOTLINE_TARGET_1", "PJSIP/13800000001@trunk");
        channel.setVariable("HOTLINE_RING_1", "20");
        channel.setVariable("HOTLINE_TARGET_2", "PJSIP/13800000002@trunk");
        channel.setVariable("HOTLINE_RING_2", "20");
        channel.setVariable("HOTLINE_VOICEMAIL", "1000@hotline");
        play(channel, "hotline/connecting");
        write(id, null, null, null, "FORWARDED", "duty-a", "forwarded", false);
        channel.exec("Dial", "PJSIP/13800000001@trunk,20");
        String status = channel.getVariable("DIALSTATUS");
        write(id, null, null, null, "ANSWERED".equals(status) || "ANSWER".equals(status) ? "ANSWERED" : "NO_ANSWER",
                null, "answered", false);
        channel.setVariable("HOTLINE_RESULT", "ANSWERED");
        channel.setVariable("HOTLINE_STATUS", "OK");
    }

    /** A prompt as the flow plays it: {@code EXEC Playback}, then whether it played. */
    private static void play(AgiChannel channel, String file) throws AgiException {
        channel.exec("Playback", file);
        channel.getVariable("PLAYBACKSTATUS");
    }

    private String[] open(String line, String caller, String uniqueid, String linkedid) throws SQLException {
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        int year = now.atZone(zone).getYear();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(OPEN)) {
            int i = 1;
            ps.setInt(i++, year);
            ps.setString(i++, line);
            ps.setString(i++, caller);
            ps.setString(i++, uniqueid);
            ps.setString(i++, linkedid);
            ps.setTimestamp(i++, at);
            ps.setTimestamp(i++, at);
            ps.setInt(i++, year);
            ps.setString(i++, line);
            ps.setString(i++, caller);
            ps.setTimestamp(i++, at);
            ps.setString(i, caller);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("call " + linkedid + " already has a ticket");
                }
                return new String[] {Long.toString(rs.getLong(1)), rs.getString(2)};
            }
        }
    }

    /** One transaction: the ticket row, (the deadlines), the history event and the outbox row. */
    private void write(long id, String kind, String callback, String location, String disposition, String forwardedTo,
                       String action, boolean deadlines) {
        Timestamp at = Timestamp.from(Instant.now());
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                ps.setString(1, kind);
                ps.setString(2, callback);
                ps.setString(3, location);
                ps.setString(4, disposition);
                ps.setString(5, forwardedTo);
                ps.setTimestamp(6, at);
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            if (deadlines) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM ticket_deadlines WHERE ticket_id = ?");
                     PreparedStatement ins = c.prepareStatement(
                             "INSERT INTO ticket_deadlines (ticket_id, step, due_at) VALUES (?, ?, ?)")) {
                    del.setLong(1, id);
                    del.executeUpdate();
                    for (String step : new String[] {"report", "final"}) {
                        ins.setLong(1, id);
                        ins.setString(2, step);
                        ins.setTimestamp(3, Timestamp.from(Instant.now().plus(2, ChronoUnit.DAYS)));
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(EVENT)) {
                ps.setLong(1, id);
                ps.setTimestamp(2, at);
                ps.setString(3, action);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (ticket_id, created_at) VALUES (?, ?)")) {
                ps.setLong(1, id);
                ps.setTimestamp(2, at);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("ticket " + id + ": " + action + " not written", e);
        }
    }
}
