package org.hotline.panel.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.hotline.domain.ticket.Ticket;

/**
 * A ticket as the API shows it: enum values as lower-case wire names, the earliest deadline
 * as {@code dueAt} (for countdowns). The earlier ticket it is linked to is not here: the ticket's
 * detail names it ({@code linked}) only when the viewer may see that one too, so a link never tells
 * of a ticket the viewer may not see. Only built for tickets the viewer may see. Caller-supplied
 * strings are passed through as data; the page renders them as text.
 */
public record TicketView(long id, String number, String line, String kind, String urgency, String status,
                         String callerNumber, String callerName, String callbackNumber, String location,
                         String description, String voiceMessageRef, String owner, String department,
                         String classification, boolean confidential, int dispatchCount, boolean escalated,
                         String callDisposition, String forwardedTo, boolean callbackRequested, String lastCallback,
                         String plan, String resolution, String resolvedBy, String explanation,
                         boolean explanationAccepted, String dutyTold,
                         Map<String, Instant> deadlines,
                         Instant dueAt, long version, Instant createdAt, Instant updatedAt) {

    public static TicketView of(Ticket t) {
        return new TicketView(t.id(), t.number(), t.line(), wire(t.kind()), wire(t.urgency()), wire(t.status()),
                t.callerNumber(), t.callerName(), t.callbackNumber(), t.location(), t.description(),
                t.voiceMessageRef(), t.owner(), t.department(), wire(t.classification()), t.confidential(),
                t.dispatchCount(), t.escalated(), wire(t.callDisposition()), t.forwardedTo(), t.callbackRequested(),
                wire(t.lastCallback()), t.plan(), t.resolution(), t.resolvedBy(), t.explanation(),
                t.explanationAccepted(), t.dutyTold(), t.deadlines(),
                t.earliestDeadline().orElse(null), t.version(), t.createdAt(), t.updatedAt());
    }

    /** The lower-case wire name of an enum value, {@code null} for {@code null}. */
    public static String wire(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
