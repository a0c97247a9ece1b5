package org.hotline.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.domain.notify.Notification;
import org.hotline.domain.notify.NotificationOutbox;

/**
 * A notification outbox that records what is enqueued, once per key as the real one keeps it; the
 * sending side (claim, sent, failed, dead letters) is not used by the tests that use this.
 * Thread-safe (synchronized).
 */
public final class RecordingOutbox implements NotificationOutbox {
    /** One notification as enqueued, with the time before which it may not be sent. */
    public record Enqueued(Notification notification, Instant notBefore) {}

    private final Set<String> keys = new HashSet<>();
    private final List<Enqueued> enqueued = new ArrayList<>();

    @Override
    public synchronized boolean enqueue(Notification n, Instant notBefore, Instant now) {
        boolean added = keys.add(n.key());
        if (added) {
            enqueued.add(new Enqueued(n, notBefore));
        }
        return added;
    }

    /** What was enqueued, in order. */
    public synchronized List<Enqueued> enqueued() {
        return List.copyOf(enqueued);
    }

    /** The notifications enqueued, in order. */
    public synchronized List<Notification> notifications() {
        return enqueued.stream().map(Enqueued::notification).toList();
    }

    /** Forgets what was enqueued (the keys stay taken, as in the real outbox). */
    public synchronized void clear() {
        enqueued.clear();
    }

    @Override
    public List<Entry> claim(Instant now, Duration lease, int limit) { return NONE.claim(now, lease, limit); }

    @Override
    public void sent(long id, Instant now) { NONE.sent(id, now); }

    @Override
    public void failed(long id, String error, Instant retryAt, Instant now) { NONE.failed(id, error, retryAt, now); }

    @Override
    public List<Entry> dead(int limit) { return NONE.dead(limit); }

    @Override
    public List<Entry> byKeyPrefix(String prefix, int limit) { return NONE.byKeyPrefix(prefix, limit); }
}
