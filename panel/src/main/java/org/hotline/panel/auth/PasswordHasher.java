package org.hotline.panel.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (at.favre.lib) with a fixed cost. Verification takes tens of milliseconds by design:
 * call it from a worker thread, never from the event loop. A password longer than bcrypt's 72
 * bytes is refused at hashing time rather than silently truncated. Thread-safe.
 */
public final class PasswordHasher {
    private final int cost;
    /** A hash of random bytes: verifying against it costs what a real check costs. */
    private final byte[] dummy;

    public PasswordHasher(int cost) {
        if (cost < 10 || cost > 14) {
            throw new IllegalArgumentException("bcrypt cost must be between 10 and 14, got " + cost);
        }
        this.cost = cost;
        byte[] noise = new byte[16];
        new java.security.SecureRandom().nextBytes(noise);
        this.dummy = BCrypt.withDefaults().hash(cost, noise);
    }

    public int cost() { return cost; }

    public String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 72) {
            throw new IllegalArgumentException("a password may be at most 72 bytes long (bcrypt's limit)");
        }
        if (password.length() < 10) {
            throw new IllegalArgumentException("a password must be at least 10 characters long");
        }
        return new String(BCrypt.withDefaults().hash(cost, bytes), StandardCharsets.UTF_8);
    }

    public boolean verify(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 72) {
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of one verification without a user, so "no such user" is not faster. */
    public void verifyNothing(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        BCrypt.verifyer().verify(bytes.length > 72 ? new byte[1] : bytes, dummy);
    }
}
