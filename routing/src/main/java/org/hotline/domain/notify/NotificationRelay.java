package org.hotline.domain.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends what is due in the outbox: each entry claimed for a lease (so two instances never send
 * it at once), delivered by its channel's sender, then marked sent; a failure is retried after
 * 1, 2, 4 ... minutes (at most an hour apart) and becomes a dead letter after
 * {@link #MAX_ATTEMPTS} failures. A sender that dies between delivering and marking leaves the
 * entry to be sent again when the lease ends: delivery is at least once, and e-mails carry a
 * Message-ID made from the key so a receiver can drop the repeat. Run one
 * {@link #runOnce()} at a time per instance.
 */
public final class NotificationRelay {
    public static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 50;

    private final NotificationOutbox outbox;
    private final Map<Channel, NotificationSender> senders = new EnumMap<>(Channel.class);
    private final Clock clock;

    public NotificationRelay(NotificationOutbox outbox, List<NotificationSender> senders, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one run did. */
    public record Run(int sent, int retried, int dead) {
    }

    public Run runOnce() {
        int sent = 0;
        int retried = 0;
        int dead = 0;
        for (NotificationOutbox.Entry e : outbox.claim(clock.instant(), LEASE, BATCH)) {
            NotificationSender sender = senders.get(e.notification().channel());
            try {
                if (sender == null) {
                    throw new IllegalStateException("no " + e.notification().channel().name().toLowerCase()
                            + " channel is configured (notifications." + e.notification().channel().name().toLowerCase() + ")");
                }
                sender.send(e.notification());
                outbox.sent(e.id(), clock.instant());
                sent++;
            } catch (Exception failure) {
                int failures = e.attempts() + 1;
                String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                if (failures >= MAX_ATTEMPTS) {
                    outbox.failed(e.id(), error, null, clock.instant());
                    dead++;
                } else {
                    outbox.failed(e.id(), error, clock.instant().plus(backoff(failures)), clock.instant());
                    retried++;
                }
            }
        }
        return new Run(sent, retried, dead);
    }

    /** The wait after the {@code failures}-th failure: 1, 2, 4, ... minutes, at most an hour. */
    static Duration backoff(int failures) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
