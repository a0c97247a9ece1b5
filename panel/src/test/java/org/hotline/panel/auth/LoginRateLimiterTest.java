package org.hotline.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hotline.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);
    private final LoginRateLimiter limiter = new LoginRateLimiter(clock, 3, Duration.ofSeconds(20));

    @Test
    void aUserGetsABurstThenOneAttemptPerRefillPeriod() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("alice", "10.0.0.1").allowed()).isTrue();
        }
        var refused = limiter.tryAcquire("alice", "10.0.0.2");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(19));
        assertThat(limiter.tryAcquire("ALICE", "10.0.0.3").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("alice", "10.0.0.4").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice", "10.0.0.5").allowed()).isFalse();
    }

    @Test
    void anAddressIsLimitedAcrossUserNames() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("user" + i, "10.0.0.9").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("someone-else", "10.0.0.9").allowed()).isFalse();
        assertThat(limiter.tryAcquire("someone-else", "10.0.0.10").allowed()).isTrue();
    }

    @Test
    void aRefusedAttemptTakesNoToken() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("bob", "10.0.0.1");
        }
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("bob", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire("bob", "10.0.0.1").allowed()).isTrue();
    }
}
