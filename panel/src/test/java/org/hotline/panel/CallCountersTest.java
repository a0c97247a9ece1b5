package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallCountersTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A clock moved by hand. */
    private static final class Hand extends Clock {
        Instant now;

        Hand(Instant start) { now = start; }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    @Test
    void countsTheDayAndTracksTheLongestWait() {
        Hand clock = new Hand(Instant.parse("2026-11-24T01:00:00Z")); // 09:00 in Shanghai
        CallCounters c = new CallCounters(clock, SHANGHAI);
        c.offered("a");
        c.queued("a");
        clock.now = clock.now.plusSeconds(30);
        c.offered("b");
        c.queued("b");
        c.offered("d");
        c.forwarded("d");
        clock.now = clock.now.plusSeconds(15);
        var s = c.snapshot();
        assertThat(s.callsWaiting()).isEqualTo(2);
        assertThat(s.longestWait()).isEqualTo(Duration.ofSeconds(45));
        c.answered("a");
        c.abandoned("b");
        s = c.snapshot();
        assertThat(s).isEqualTo(new CallBoard.Snapshot(0, Duration.ZERO, 3, 1, 1, 1));
    }

    @Test
    void countersStartAgainAtLocalMidnightButWaitingCallersStay() {
        Hand clock = new Hand(Instant.parse("2026-11-24T15:59:00Z")); // 23:59 in Shanghai
        CallCounters c = new CallCounters(clock, SHANGHAI);
        c.offered("a");
        c.answered("a");
        c.offered("b");
        c.queued("b");
        clock.now = clock.now.plusSeconds(120); // 00:01 the next day
        var s = c.snapshot();
        assertThat(s.offered()).isZero();
        assertThat(s.answered()).isZero();
        assertThat(s.callsWaiting()).isEqualTo(1);
        assertThat(s.longestWait()).isEqualTo(Duration.ofSeconds(120));
    }
}
