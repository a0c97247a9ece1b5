package org.hotline.domain.ticket;

import java.util.Objects;

/**
 * A person who logs in to the panel. Users are never deleted (the history keeps their names);
 * they are deactivated. {@code passwordHash} is stored as given: the panel hashes (bcrypt) and
 * verifies; the store never sees a password.
 *
 * @param phone              the AMI device of the person's phone ({@code PJSIP/1001}), or {@code null};
 *                           one device belongs to at most one user, and screen pops follow it
 * @param department         the id of the department the person belongs to, or {@code null}
 * @param rosterPerson       the duty-roster person ({@code people[].id} of the configuration) this
 *                           user is, or {@code null}
 * @param mustChangePassword the password was set by an administrator (one-time): the user must
 *                           choose a new one before doing anything else
 */
public record User(String username, String displayName, Role role, String passwordHash, String phone, boolean active,
                   String department, String rosterPerson, boolean mustChangePassword) {
    public User {
        Objects.requireNonNull(role, "role");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a non-blank user name");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("a user needs a password hash");
        }
    }

    /** A user with no department, no roster person and a password of their own. */
    public User(String username, String displayName, Role role, String passwordHash, String phone, boolean active) {
        this(username, displayName, role, passwordHash, phone, active, null, null, false);
    }

    /** The name to show: the display name, or the user name when there is none. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    public User withPassword(String hash, boolean mustChange) {
        return new User(username, displayName, role, hash, phone, active, department, rosterPerson, mustChange);
    }

    public User withActive(boolean v) {
        return new User(username, displayName, role, passwordHash, phone, v, department, rosterPerson, mustChangePassword);
    }

    @Override
    public String toString() {
        return "User[" + username + ", " + role + (active ? "" : ", inactive") + "]";
    }
}
