package org.hotline.panel;

import java.time.Duration;

/**
 * The call side of the wallboard, from the PBX: calls waiting in the queues now and today's
 * call counters. The AMI client in {@code ivr} implements it (QueueStatus / QueueSummary and
 * counters kept from queue events); the panel polls it about once a second from one thread.
 */
@FunctionalInterface
public interface CallBoard {

    /**
     * @param callsWaiting callers waiting in the hotline queues now
     * @param longestWait  how long the longest-waiting caller has waited ({@code ZERO} if none)
     * @param offered      calls offered today (local day of the hotline's time zone)
     * @param answered     of them answered by an agent
     * @param abandoned    of them hung up before an answer
     * @param forwarded    of them forwarded to a duty manager
     */
    record Snapshot(int callsWaiting, Duration longestWait, long offered, long answered, long abandoned, long forwarded) {
        public static Snapshot empty() { return new Snapshot(0, Duration.ZERO, 0, 0, 0, 0); }
    }

    Snapshot snapshot();
}
