package org.hotline.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, or an instant a test pins while it builds facts in the past (yesterday's
 * calls), then releases so the panel runs on real time in a real browser. Thread-safe.
 */
final class PinnableClock extends Clock {
    private final AtomicReference<Instant> pinned = new AtomicReference<>();
    private final ZoneId zone;

    PinnableClock(ZoneId zone) {
        this.zone = zone;
    }

    void pin(Instant at) {
        pinned.set(at);
    }

    void release() {
        pinned.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        throw new UnsupportedOperationException("one zone per test clock");
    }

    @Override
    public Instant instant() {
        Instant p = pinned.get();
        return p == null ? Instant.now() : p;
    }
}
