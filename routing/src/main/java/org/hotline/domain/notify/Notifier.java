package org.hotline.domain.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import org.hotline.domain.calendar.WallClock;

/**
 * Puts notifications into the outbox for the people they concern, on each channel the person
 * has ({@link Contact}), once per key: {@code <key>/<user>/<channel>} is the outbox key, so the
 * same alert raised again (after a restart, on another instance) is not sent twice. A person in
 * quiet hours gets it when they end, unless it is urgent. People without a contact are skipped
 * (they still see it in the panel). Every notice is also raised once as an {@link Alert} in the
 * {@link AlertStore}, whether or not anyone has a contact, until somebody acknowledges it.
 * Thread-safe.
 */
public final class Notifier {
    private final NotificationOutbox outbox;
    private final AlertStore alerts;
    private final Map<String, Contact> contacts;
    private final WallClock wallClock;
    private final Clock clock;

    public Notifier(NotificationOutbox outbox, AlertStore alerts, Map<String, Contact> contacts, ZoneId zone,
            Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.contacts = Map.copyOf(contacts);
        this.wallClock = new WallClock(zone);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Raises the alert of {@code key} and enqueues one notification per recipient and channel.
     *
     * @param key    what makes it the same alert (e.g. {@code deadline/42/resolve/2026-...Z/missed})
     * @param urgent sent during quiet hours too
     * @return how many were new in the outbox
     */
    public int notify(String key, String kind, Collection<String> recipients, String subject, String body,
            long ticketId, boolean urgent) {
        Instant now = clock.instant();
        alerts.raise(key, kind, subject, ticketId, new LinkedHashSet<>(recipients), urgent, now);
        int added = 0;
        for (String user : new LinkedHashSet<>(recipients)) {
            Contact c = contacts.get(user);
            if (c == null) {
                continue;
            }
            Instant due = urgent ? now : afterQuietHours(c, now);
            if (c.email().isPresent()) {
                added += outbox.enqueue(new Notification(key + "/" + user + "/email", kind, user, Channel.EMAIL,
                        c.email().get(), subject, body, ticketId), due, now) ? 1 : 0;
            }
            if (c.webhook().isPresent()) {
                added += outbox.enqueue(new Notification(key + "/" + user + "/webhook", kind, user, Channel.WEBHOOK,
                        c.webhook().get(), subject, body, ticketId), due, now) ? 1 : 0;
            }
        }
        return added;
    }

    /** {@code now}, or the end of {@code c}'s quiet hours when {@code now} is inside them. */
    Instant afterQuietHours(Contact c, Instant now) {
        LocalDateTime local = wallClock.localOf(now);
        if (!c.quietAt(local.toLocalTime())) {
            return now;
        }
        LocalDateTime end = local.toLocalDate().atTime(c.quietUntil().get());
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return wallClock.toInstant(end);
    }
}
