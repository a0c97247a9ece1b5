package org.hotline.ivr.agi;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts calls being served and refuses those beyond the maximum. Thread-safe. */
final class CallGate {
    private final int max;
    private final AtomicInteger active = new AtomicInteger();

    CallGate(int max) {
        this.max = max;
    }

    boolean tryEnter() {
        while (true) {
            int now = active.get();
            if (now >= max) {
                return false;
            }
            if (active.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void leave() {
        active.decrementAndGet();
    }

    int active() {
        return active.get();
    }
}
