package org.hotline.domain.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The alerts raised and who acknowledged them (PostgreSQL in production). Raising is idempotent
 * by key, so an alert raised again (after a restart, by another instance) stays one alert with
 * its first acknowledgement. Thread-safe; each method is one transaction.
 */
public interface AlertStore {

    /** Thrown when an alert was acknowledged already (by {@link #alert()}'s acknowledger). */
    final class AlreadyAcknowledgedException extends RuntimeException {
        private final transient Alert alert;

        public AlreadyAcknowledgedException(Alert alert) {
            super("alert " + alert.id() + " was acknowledged by " + alert.acknowledgedBy() + " at " + alert.acknowledgedAt());
            this.alert = alert;
        }

        public Alert alert() {
            return alert;
        }
    }

    /** Keeps the alert of {@code key} unless it is there already; true when it is new. */
    boolean raise(String key, String kind, String subject, long ticketId, Collection<String> recipients, boolean urgent,
            Instant at);

    /** The alert with {@code id}. */
    Optional<Alert> find(long id);

    /**
     * Records that {@code by} acknowledged alert {@code id} at {@code at}.
     *
     * @return the acknowledged alert, empty when there is no such alert
     * @throws AlreadyAcknowledgedException when someone acknowledged it before (nothing changes)
     */
    Optional<Alert> acknowledge(long id, String by, Instant at);

    /**
     * Alerts newest first, at most {@code limit} (1..1000), older than {@code beforeId} when it is
     * positive; only the unacknowledged ones when {@code openOnly}.
     */
    List<Alert> recent(boolean openOnly, int limit, long beforeId);
}
