package org.hotline.domain.ticket;

import java.util.Objects;

/**
 * A person who logs in to the panel. {@code passwordHash} is stored as given: the panel hashes
 * (bcrypt / Argon2) and verifies; the store never sees a password. {@code phone}: the person's
 * device or number, may be {@code null}.
 */
public record User(String username, String displayName, Role role, String passwordHash, String phone, boolean active) {
    public User {
        Objects.requireNonNull(role, "role");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a non-blank user name");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("a user needs a password hash");
        }
    }

    @Override
    public String toString() {
        return "User[" + username + ", " + role + (active ? "" : ", inactive") + "]";
    }
}
