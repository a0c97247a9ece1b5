package org.hotline.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand ({@link #advance}); thread-safe. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant i) {
        now.set(i);
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
        return now.get();
    }
}
