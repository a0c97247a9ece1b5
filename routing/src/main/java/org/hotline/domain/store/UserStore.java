package org.hotline.domain.store;

import org.hotline.domain.ticket.User;
import java.util.List;
import java.util.Optional;

/** Panel users. Thread-safe. */
public interface UserStore {

    /**
     * Adds a user.
     *
     * @throws IllegalArgumentException when the user name is taken
     */
    User create(User user);

    /** Replaces role, display name, phone, hash and active flag of an existing user. */
    User update(User user);

    Optional<User> find(String username);

    /** All users, by user name. */
    List<User> list();

    /** Whether any active admin exists (first start creates one when not). */
    boolean hasActiveAdmin();
}
