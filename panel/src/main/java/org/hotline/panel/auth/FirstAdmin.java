package org.hotline.panel.auth;

import java.security.SecureRandom;
import java.util.Optional;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;
import org.hotline.domain.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator when no active admin exists. With a configured password it
 * uses that one; otherwise it generates a random one (20 characters, about 119 bits) and logs it
 * once at WARN, so the operator can log in and change it. Does nothing when an admin exists.
 */
public final class FirstAdmin {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserStore users;
    private final PasswordHasher hasher;

    public FirstAdmin(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    /**
     * Ensures an active admin exists.
     *
     * @param username           the admin's user name (e.g. "admin")
     * @param configuredPassword the password from configuration, if any
     * @return the generated password when one was generated (already logged), else empty
     */
    public Optional<String> ensure(String username, Optional<String> configuredPassword) {
        if (users.hasActiveAdmin()) {
            return Optional.empty();
        }
        String password = configuredPassword.orElseGet(FirstAdmin::randomPassword);
        User admin = new User(username, "Administrator", Role.ADMIN, hasher.hash(password), null, true);
        if (users.find(username).isPresent()) {
            users.update(admin);
        } else {
            users.create(admin);
        }
        if (configuredPassword.isPresent()) {
            log.info("Created the first panel administrator '{}' with the configured password.", username);
            return Optional.empty();
        }
        log.warn("Created the first panel administrator '{}' with password: {}  (shown once; log in and change it)",
                username, password);
        return Optional.of(password);
    }

    /** A random password of 20 characters from an unambiguous alphabet (about 119 bits). */
    public static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
