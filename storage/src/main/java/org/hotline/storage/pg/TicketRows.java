package org.hotline.storage.pg;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.domain.ticket.CallDisposition;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.Classification;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.LinkReason;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.Urgency;

/** Maps rows of {@code tickets} (with their deadlines) and {@code ticket_events} to domain values. */
final class TicketRows {

    /** Select list of a ticket row without its deadlines. */
    static final String ROW_COLUMNS = "t.id, t.number, t.line, t.kind, t.urgency, t.status, t.caller_number, "
            + "t.caller_name, t.callback_number, t.location, t.description, t.voice_message_ref, t.uniqueid, "
            + "t.linkedid, t.owner, t.department, t.classification, t.confidential, t.dispatch_count, "
            + "t.escalated, t.call_disposition, t.forwarded_to, t.callback_requested, t.last_callback, t.plan, "
            + "t.resolution, t.resolved_by, t.explanation, t.explanation_accepted, t.duty_told, t.linked_to, t.link_reason, t.version, t.created_at, "
            + "t.updated_at";

    /** Select list for a ticket; deadlines come as a JSON object step -> epoch microseconds. */
    static final String COLUMNS = ROW_COLUMNS + ", "
            + "(SELECT jsonb_object_agg(d.step, floor(extract(epoch FROM d.due_at) * 1000000)::bigint) "
            + "FROM ticket_deadlines d WHERE d.ticket_id = t.id)::text AS deadlines";

    static final String EVENT_COLUMNS = "ticket_id, seq, at, actor, actor_role, action, from_state, to_state, note, data::text";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> LONG_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private TicketRows() {}

    static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket.Builder()
                .id(rs.getLong("id"))
                .number(rs.getString("number"))
                .line(rs.getString("line"))
                .kind(enumOf(RequestKind.class, rs.getString("kind")))
                .urgency(Urgency.valueOf(rs.getString("urgency")))
                .status(TicketStatus.valueOf(rs.getString("status")))
                .callerNumber(rs.getString("caller_number"))
                .callerName(rs.getString("caller_name"))
                .callbackNumber(rs.getString("callback_number"))
                .location(rs.getString("location"))
                .description(rs.getString("description"))
                .voiceMessageRef(rs.getString("voice_message_ref"))
                .uniqueid(rs.getString("uniqueid"))
                .linkedid(rs.getString("linkedid"))
                .owner(rs.getString("owner"))
                .department(rs.getString("department"))
                .classification(enumOf(Classification.class, rs.getString("classification")))
                .confidential(rs.getBoolean("confidential"))
                .dispatchCount(rs.getInt("dispatch_count"))
                .escalated(rs.getBoolean("escalated"))
                .callDisposition(enumOf(CallDisposition.class, rs.getString("call_disposition")))
                .forwardedTo(rs.getString("forwarded_to"))
                .callbackRequested(rs.getBoolean("callback_requested"))
                .lastCallback(enumOf(CallbackResult.class, rs.getString("last_callback")))
                .plan(rs.getString("plan"))
                .resolution(rs.getString("resolution"))
                .resolvedBy(rs.getString("resolved_by"))
                .explanation(rs.getString("explanation"))
                .explanationAccepted(rs.getBoolean("explanation_accepted"))
                .dutyTold(rs.getString("duty_told"))
                .linkedTo(rs.getObject("linked_to", Long.class))
                .linkReason(enumOf(LinkReason.class, rs.getString("link_reason")))
                .deadlines(deadlines(rs.getString("deadlines")))
                .version(rs.getLong("version"))
                .createdAt(instant(rs.getTimestamp("created_at")))
                .updatedAt(instant(rs.getTimestamp("updated_at")))
                .build();
    }

    /** The history of ticket {@code id}, oldest first, on connection {@code c}. */
    static java.util.List<HistoryEvent> history(java.sql.Connection c, long id) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS
                + " FROM ticket_events WHERE ticket_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            java.util.List<HistoryEvent> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
            return out;
        }
    }

    static HistoryEvent event(ResultSet rs) throws SQLException {
        return new HistoryEvent(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)), rs.getString(4),
                Role.valueOf(rs.getString(5)), rs.getString(6), enumOf(TicketStatus.class, rs.getString(7)),
                TicketStatus.valueOf(rs.getString(8)), rs.getString(9), stringMap(rs.getString(10)));
    }

    static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode event data", e);
        }
    }

    /** Any value as JSON text (for a {@code jsonb} parameter). */
    static String jsonOf(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Map<String, Instant> deadlines(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Long> micros = JSON.readValue(json, LONG_MAP);
            Map<String, Instant> out = new HashMap<>();
            micros.forEach((k, v) -> out.put(k, Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L),
                    Math.floorMod(v, 1_000_000L) * 1000L)));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read ticket deadlines " + json, e);
        }
    }

    static Map<String, String> stringMap(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read event data " + json, e);
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }
}
