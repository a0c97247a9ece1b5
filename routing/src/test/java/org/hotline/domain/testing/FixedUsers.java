package org.hotline.domain.testing;

import java.util.List;
import java.util.Optional;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.ticket.User;

/** A read-only user directory of the users given; creating or changing one is refused. Immutable. */
public final class FixedUsers implements UserStore {
    private final List<User> users;

    public FixedUsers(List<User> users) {
        this.users = List.copyOf(users);
    }

    @Override
    public User create(User user) {
        throw new UnsupportedOperationException("a fixed directory");
    }

    @Override
    public User update(User user) {
        throw new UnsupportedOperationException("a fixed directory");
    }

    @Override
    public Optional<User> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public List<User> list() {
        return users;
    }

    @Override
    public boolean hasActiveAdmin() {
        return false;
    }
}
