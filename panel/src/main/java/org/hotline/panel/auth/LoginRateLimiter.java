package org.hotline.panel.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets keyed by user name and by client address: each log-in attempt takes one token
 * from both buckets; a bucket holds at most {@code capacity} tokens and regains one every
 * {@code refillEvery}. An attempt with either bucket empty is refused before the password is
 * checked (so guessing costs no bcrypt time either). Time comes from the injected clock.
 * Thread-safe.
 */
public final class LoginRateLimiter {

    /** Outcome of {@link #tryAcquire}. {@code retryAfter} is zero when allowed. */
    public record Verdict(boolean allowed, Duration retryAfter) {}

    private record Bucket(double tokens, long atNanos) {}

    private final Clock clock;
    private final int capacity;
    private final Duration refillEvery;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LoginRateLimiter(Clock clock, int capacity, Duration refillEvery) {
        if (capacity < 1 || refillEvery.isZero() || refillEvery.isNegative()) {
            throw new IllegalArgumentException("log-in rate limit needs capacity >= 1 and a positive refill period");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.refillEvery = refillEvery;
    }

    /** Takes a token for both the user and the address, or neither. */
    public synchronized Verdict tryAcquire(String username, String address) {
        String userKey = "u:" + username.toLowerCase(java.util.Locale.ROOT);
        String ipKey = "a:" + address;
        long now = nanos();
        Bucket user = refill(buckets.get(userKey), now);
        Bucket ip = refill(buckets.get(ipKey), now);
        if (user.tokens() < 1 || ip.tokens() < 1) {
            double missing = 1 - Math.min(user.tokens(), ip.tokens());
            long waitNanos = (long) Math.ceil(missing * refillEvery.toNanos());
            buckets.put(userKey, user);
            buckets.put(ipKey, ip);
            return new Verdict(false, Duration.ofNanos(waitNanos));
        }
        buckets.put(userKey, new Bucket(user.tokens() - 1, now));
        buckets.put(ipKey, new Bucket(ip.tokens() - 1, now));
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(b -> refill(b, now).tokens() >= capacity);
        }
        return new Verdict(true, Duration.ZERO);
    }

    private Bucket refill(Bucket b, long now) {
        if (b == null) {
            return new Bucket(capacity, now);
        }
        double gained = (double) (now - b.atNanos()) / refillEvery.toNanos();
        return new Bucket(Math.min(capacity, b.tokens() + gained), now);
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
