package org.hotline.domain.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.ticket.TicketAction;

/**
 * What an agent's {@link EventStream} ({@link EventStream#agentKey}) carries, as typed values:
 * the one place that writes these events as the stream's flat string fields ({@link #fields()})
 * and reads them back ({@link #of}), as {@code AgiCommand} is for the AGI wire. Writers: the
 * AMI side ({@link ScreenPopEvent}) and the deadline watcher ({@link DeadlineEvent}); reader:
 * the panel's live socket. Entries written by hand (older versions, tests) are read leniently:
 * a field that is missing or malformed is empty, never an exception.
 */
public sealed interface AgentEvent {

    /** The stream fields of this event; field {@code type} names it. */
    Map<String, String> fields();

    /** When the event was published, when the entry says so. */
    Optional<Instant> publishedAt();

    /** The event an entry's fields describe; {@link Other} for types the panel does not show. */
    static AgentEvent of(Map<String, String> fields) {
        String type = fields.getOrDefault(Field.TYPE, "");
        return switch (type) {
            case ScreenPopEvent.TYPE -> ScreenPopEvent.read(fields);
            case DeadlineEvent.TYPE -> DeadlineEvent.read(fields);
            default -> new Other(type);
        };
    }

    /**
     * A phone is ringing (or was answered, or stopped) for this agent; the ticket and the
     * caller's history, when known. {@code previousTickets}, {@code previousNumbers} and {@code
     * repeat} are given for a ringing call whose caller number is known.
     */
    record ScreenPopEvent(String state, String callId, String device, String callerNumber, String callerName,
                          String line, String queue, String ticketNumber, Optional<Long> ticketId,
                          Optional<Integer> previousTickets, List<String> previousNumbers, Optional<Boolean> repeat,
                          Optional<Instant> publishedAt) implements AgentEvent {
        public static final String TYPE = "screen-pop";

        public ScreenPopEvent {
            previousNumbers = List.copyOf(previousNumbers);
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(Field.TYPE, TYPE);
            f.put("state", state);
            f.put("callId", callId);
            f.put("device", device);
            f.put("callerNumber", callerNumber);
            f.put("callerName", callerName);
            f.put("line", line);
            f.put("queue", queue);
            f.put("ticketNumber", ticketNumber);
            ticketId.ifPresent(id -> f.put("ticketId", Long.toString(id)));
            previousTickets.ifPresent(n -> f.put("previousTickets", Integer.toString(n)));
            if (previousTickets.isPresent()) {
                f.put("previousNumbers", String.join(",", previousNumbers));
            }
            repeat.ifPresent(r -> f.put("repeat", Boolean.toString(r)));
            publishedAt.ifPresent(at -> f.put(Field.PUBLISHED_AT, Long.toString(at.toEpochMilli())));
            return f;
        }

        static ScreenPopEvent read(Map<String, String> f) {
            String numbers = f.getOrDefault("previousNumbers", "");
            return new ScreenPopEvent(f.getOrDefault("state", "RINGING"), f.get("callId"), f.get("device"),
                    f.get("callerNumber"), f.get("callerName"), f.get("line"), f.get("queue"), f.get("ticketNumber"),
                    Field.id(f.get("ticketId")), Field.count(f.get("previousTickets")),
                    numbers.isEmpty() ? List.of() : List.of(numbers.split(",")),
                    Optional.ofNullable(f.get("repeat")).map(Boolean::parseBoolean), Field.instant(f));
        }
    }

    /**
     * A deadline step of a ticket is at risk or missed (the deadline watcher's alert): the
     * ticket's id and number, the step, when it is due, and {@code missed}; no caller data.
     */
    record DeadlineEvent(Optional<Long> ticketId, String ticketNumber, String step, String due, boolean missed,
                         Optional<Instant> publishedAt) implements AgentEvent {
        public static final String TYPE = "deadline";

        /** {@code at-risk} or {@code missed}, as the ticket's history records it. */
        public String state() {
            return missed ? TicketAction.DeadlineAlert.MISSED : TicketAction.DeadlineAlert.AT_RISK;
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(Field.TYPE, TYPE);
            ticketId.ifPresent(id -> f.put("ticketId", Long.toString(id)));
            f.put("ticketNumber", ticketNumber);
            f.put("step", step);
            f.put("due", due);
            f.put("state", state());
            publishedAt.ifPresent(at -> f.put(Field.PUBLISHED_AT, Long.toString(at.toEpochMilli())));
            return f;
        }

        static DeadlineEvent read(Map<String, String> f) {
            return new DeadlineEvent(Field.id(f.get("ticketId")), f.get("ticketNumber"), f.get("step"), f.get("due"),
                    TicketAction.DeadlineAlert.MISSED.equals(f.get("state")), Field.instant(f));
        }
    }

    /** An entry of a type the panel does not show (a board or presence update, say). */
    record Other(String type) implements AgentEvent {
        @Override
        public Map<String, String> fields() {
            return Map.of(Field.TYPE, type);
        }

        @Override
        public Optional<Instant> publishedAt() {
            return Optional.empty();
        }
    }

    /** The field names and lenient readers shared by the events. */
    final class Field {
        static final String TYPE = "type";
        static final String PUBLISHED_AT = "publishedAt";

        private Field() {
        }

        static Optional<Long> id(String text) {
            return text != null && text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        }

        static Optional<Integer> count(String text) {
            return text != null && text.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        }

        static Optional<Instant> instant(Map<String, String> f) {
            return id(f.get(PUBLISHED_AT)).map(Instant::ofEpochMilli);
        }
    }
}
