package org.hotline.domain.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert the service raised ({@link Notices}: an escalation, a major complaint, a deadline
 * alert, a failed call-back, ...), kept until somebody acknowledges it. One per {@code key}, the
 * notice's idempotency key. {@code acknowledgedBy} and {@code acknowledgedAt} are both
 * {@code null} until then, and never change afterwards.
 *
 * @param id         assigned by the store
 * @param kind       as {@link Notification#kind()}
 * @param ticketId   the ticket it is about, 0 for none (the morning list)
 * @param recipients the panel users it was raised for
 */
public record Alert(long id, String key, String kind, String subject, long ticketId, List<String> recipients,
        boolean urgent, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt) {
    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(raisedAt, "raisedAt");
        recipients = List.copyOf(recipients);
        if ((acknowledgedBy == null) != (acknowledgedAt == null)) {
            throw new IllegalArgumentException("an acknowledgement names who and when, or neither");
        }
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
