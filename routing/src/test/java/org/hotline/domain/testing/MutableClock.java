package org.hotline.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand ({@link #set}, {@link #advance}). One made by {@link #realTime}
 * follows the system clock until a test sets it (to build facts in the past, say) and again
 * after {@link #release}, so a panel can then run on real time in a real browser. Thread-safe.
 */
public final class MutableClock extends Clock {

    /** The instant set, or null while the clock follows real time. */
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** A clock on real time in {@code zone} until a test sets it. */
    public static MutableClock realTime(ZoneId zone) {
        return new MutableClock(null, zone);
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> (i == null ? Instant.now() : i).plus(d));
    }

    public void set(Instant i) {
        now.set(i);
    }

    /** Back to real time. */
    public void release() {
        now.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MutableClock(now.get(), z);
    }

    @Override
    public Instant instant() {
        Instant set = now.get();
        return set == null ? Instant.now() : set;
    }
}
