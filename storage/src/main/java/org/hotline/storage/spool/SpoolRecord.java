package org.hotline.storage.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Urgency;

/**
 * One spooled store call, keyed by the call's linkedid: an intake, an intake update or a call
 * outcome. Encoded as one JSON object per line (see {@link #toJson()} / {@link #parse(String)}).
 */
sealed interface SpoolRecord {

    String linkedid();

    record Open(CallIntake intake) implements SpoolRecord {
        public String linkedid() { return intake.linkedid(); }
    }

    record Update(String linkedid, IntakeUpdate update) implements SpoolRecord {}

    record Outcome(String linkedid, CallOutcome outcome) implements SpoolRecord {}

    ObjectMapper JSON = new ObjectMapper();

    /** One line of JSON, without the newline. */
    default String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("linkedid", linkedid());
        if (this instanceof Open o) {
            CallIntake i = o.intake();
            n.put("op", "open").put("line", i.line()).put("callerNumber", i.callerNumber())
                    .put("callerName", i.callerName()).put("uniqueid", i.uniqueid()).put("at", i.at().toString());
            if (i.number() != null) {
                n.put("number", i.number());
            }
        } else if (this instanceof Update u) {
            IntakeUpdate x = u.update();
            n.put("op", "update");
            n.put("kind", x.kind() == null ? null : x.kind().name());
            n.put("urgency", x.urgency() == null ? null : x.urgency().name());
            n.put("callbackNumber", x.callbackNumber()).put("location", x.location())
                    .put("description", x.description()).put("voiceMessageRef", x.voiceMessageRef());
            if (x.deadlines() != null) {
                ObjectNode d = n.putObject("deadlines");
                x.deadlines().forEach((k, v) -> d.put(k, v.toString()));
            }
        } else if (this instanceof Outcome o) {
            n.put("op", "outcome").put("disposition", o.outcome().disposition().name());
            if (o.outcome() instanceof CallOutcome.Queued q) {
                n.put("queue", q.queue());
            } else if (o.outcome() instanceof CallOutcome.Answered a) {
                n.put("by", a.by());
            } else if (o.outcome() instanceof CallOutcome.Forwarded f) {
                n.put("person", f.personId()).put("number", f.number());
            } else if (o.outcome() instanceof CallOutcome.Voicemail v) {
                n.put("ref", v.ref()).put("kept", v.keptBy());
            } else if (o.outcome() instanceof CallOutcome.Interrupted i) {
                n.put("reason", i.reason());
            } else if (o.outcome() instanceof CallOutcome.Missed m) {
                n.put("by", m.answeredBy()).put("agent", m.agent()).put("voicemail", m.voicemail());
            }
        }
        return n.toString();
    }

    /**
     * Parses one line written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when the line is not a complete record (a torn last write)
     */
    static SpoolRecord parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a spool record: " + e.getMessage(), e);
        }
        if (n == null || !n.hasNonNull("op") || !n.hasNonNull("linkedid")) {
            throw new IllegalArgumentException("not a spool record: missing op or linkedid");
        }
        String linkedid = n.get("linkedid").asText();
        switch (n.get("op").asText()) {
            case "open":
                return new Open(new CallIntake(text(n, "line"), text(n, "callerNumber"), text(n, "callerName"),
                        text(n, "uniqueid"), linkedid, Instant.parse(text(n, "at")), text(n, "number")));
            case "update":
                Map<String, Instant> deadlines = null;
                if (n.hasNonNull("deadlines")) {
                    deadlines = new HashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = n.get("deadlines").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        deadlines.put(e.getKey(), Instant.parse(e.getValue().asText()));
                    }
                }
                return new Update(linkedid, new IntakeUpdate(
                        text(n, "kind") == null ? null : RequestKind.valueOf(text(n, "kind")),
                        text(n, "urgency") == null ? null : Urgency.valueOf(text(n, "urgency")),
                        text(n, "callbackNumber"), text(n, "location"), text(n, "description"),
                        text(n, "voiceMessageRef"), deadlines));
            case "outcome":
                CallOutcome o = switch (text(n, "disposition")) {
                    case "QUEUED" -> new CallOutcome.Queued(text(n, "queue"));
                    case "ANSWERED" -> new CallOutcome.Answered(text(n, "by"));
                    case "FORWARDED" -> new CallOutcome.Forwarded(text(n, "person"), text(n, "number"));
                    case "NO_ANSWER" -> new CallOutcome.NoAnswer();
                    case "ABANDONED" -> new CallOutcome.Abandoned();
                    case "VOICEMAIL" -> new CallOutcome.Voicemail(text(n, "ref"), text(n, "kept"));
                    case "INTERRUPTED" -> new CallOutcome.Interrupted(text(n, "reason"));
                    case "MISSED" -> new CallOutcome.Missed(text(n, "by"), text(n, "agent"), text(n, "voicemail"));
                    default -> throw new IllegalArgumentException("unknown disposition " + text(n, "disposition"));
                };
                return new Outcome(linkedid, o);
            default:
                throw new IllegalArgumentException("unknown spool op " + n.get("op").asText());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
