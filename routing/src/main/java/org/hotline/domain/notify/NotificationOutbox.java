package org.hotline.domain.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Notifications waiting to be sent (PostgreSQL in production): enqueued once per key, claimed
 * for a lease by one sender at a time, retried with backoff, and kept as dead letters after the
 * last failure. Thread-safe; each method is one transaction.
 */
public interface NotificationOutbox {

    /** A notification in the outbox. */
    record Entry(long id, Notification notification, int attempts, Instant notBefore, String lastError,
            Instant createdAt, Instant sentAt) {
    }

    /** Adds {@code n}, due at {@code notBefore}, unless its key is there already; true when added. */
    boolean enqueue(Notification n, Instant notBefore, Instant now);

    /**
     * Claims up to {@code limit} entries due at {@code now} for {@code lease}: until it ends no
     * other sender gets them (a sender that died leaves them to the next once it ends).
     */
    List<Entry> claim(Instant now, Duration lease, int limit);

    /** The claimed entry was delivered. */
    void sent(long id, Instant now);

    /** The attempt failed with {@code error}: due again at {@code retryAt}, or a dead letter when {@code retryAt} is null. */
    void failed(long id, String error, Instant retryAt, Instant now);

    /** The dead letters, newest first. */
    List<Entry> dead(int limit);

    /** Sent entries of {@code key}'s prefix (tests and the panel). */
    List<Entry> byKeyPrefix(String prefix, int limit);

    /** An outbox that keeps nothing (where notifications are not wired, e.g. panel tests). */
    NotificationOutbox NONE = new NotificationOutbox() {
        @Override
        public boolean enqueue(Notification n, Instant notBefore, Instant now) {
            return false;
        }

        @Override
        public List<Entry> claim(Instant now, Duration lease, int limit) {
            return List.of();
        }

        @Override
        public void sent(long id, Instant now) {
        }

        @Override
        public void failed(long id, String error, Instant retryAt, Instant now) {
        }

        @Override
        public List<Entry> dead(int limit) {
            return List.of();
        }

        @Override
        public List<Entry> byKeyPrefix(String prefix, int limit) {
            return List.of();
        }
    };
}
