package org.hotline.panel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link CallBoard} fed by the call side: the app forwards what the IVR and the AMI client
 * learn about each call ({@link #offered}, {@link #queued}, {@link #answered}, {@link #abandoned},
 * {@link #forwarded}, {@link #left}). Counters are for the current local day in the hotline's
 * zone and start again at midnight; callers waiting are tracked by call id (the linkedid) with
 * the time they joined a queue. Thread-safe (synchronized; a handful of calls per second).
 */
public final class CallCounters implements CallBoard {
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Instant> waiting = new HashMap<>();
    private LocalDate day;
    private long offered;
    private long answered;
    private long abandoned;
    private long forwarded;

    public CallCounters(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.day = today();
    }

    /** A call reached the hotline (one per call, whatever happens next). */
    public synchronized void offered(String callId) {
        roll();
        offered++;
    }

    /** The caller joined an agent queue and waits. */
    public synchronized void queued(String callId) {
        roll();
        waiting.putIfAbsent(callId, clock.instant());
    }

    /** An agent (or the duty manager's phone) answered. */
    public synchronized void answered(String callId) {
        roll();
        answered++;
        waiting.remove(callId);
    }

    /** The caller hung up before anyone answered. */
    public synchronized void abandoned(String callId) {
        roll();
        abandoned++;
        waiting.remove(callId);
    }

    /** The call was forwarded to the duty manager. */
    public synchronized void forwarded(String callId) {
        roll();
        forwarded++;
        waiting.remove(callId);
    }

    /** The caller left the queue for any other reason (voicemail, timeout). */
    public synchronized void left(String callId) {
        waiting.remove(callId);
    }

    @Override
    public synchronized Snapshot snapshot() {
        roll();
        Instant now = clock.instant();
        Duration longest = waiting.values().stream().map(since -> Duration.between(since, now))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return new Snapshot(waiting.size(), longest.isNegative() ? Duration.ZERO : longest, offered, answered,
                abandoned, forwarded);
    }

    private void roll() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            offered = 0;
            answered = 0;
            abandoned = 0;
            forwarded = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
