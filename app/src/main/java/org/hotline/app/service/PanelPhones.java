package org.hotline.app.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.ticket.User;
import org.hotline.ivr.ami.AgentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users, as the panel changes them, kept in step with the AMI client's
 * {@link AgentDirectory}: after every create or update the directory is rebuilt from the users'
 * phones, so screen pops and queue pauses follow the panel's map at once, without a restart.
 *
 * <p>{@code asterisk.agents} of the configuration is the seed: at the first start (no user has
 * a phone yet) each device it names is written as the phone of the existing user it names; a
 * device for a user who does not exist yet stays in the directory until that user name exists.
 * Thread-safe if the delegate is; changes are serialised so the directory follows them in order.
 * Another instance's change (or {@code hotline.jar user ...}'s) reaches this one within a second:
 * the service calls {@link #refresh} when storage's change listener reports {@code users}.
 */
final class PanelPhones implements UserStore {
    private static final Logger log = LoggerFactory.getLogger(PanelPhones.class);

    private final UserStore delegate;
    private final AgentDirectory directory;
    private final Map<String, String> seed;

    PanelPhones(UserStore delegate, AgentDirectory directory, Map<String, String> seed) {
        this.delegate = delegate;
        this.directory = directory;
        this.seed = Map.copyOf(seed);
    }

    /** Seeds the phones from the configuration when no user has one yet, then builds the directory. */
    synchronized void seedAndRefresh() {
        List<User> users = delegate.list();
        if (users.stream().noneMatch(u -> u.phone() != null)) {
            seed.forEach((device, username) -> delegate.find(username).filter(u -> u.phone() == null).ifPresent(u -> {
                delegate.update(new User(u.username(), u.displayName(), u.role(), u.passwordHash(), device, u.active(),
                        u.department(), u.rosterPerson(), u.mustChangePassword()));
                log.info("phone {} of {} seeded from asterisk.agents", device, username);
            }));
        }
        refresh();
    }

    /** Rebuilds the directory from the stored users (and the seed's devices of users not created yet). */
    synchronized void refresh() {
        List<User> users = delegate.list();
        Set<String> known = users.stream().map(User::username).collect(Collectors.toSet());
        Map<String, String> map = new HashMap<>();
        seed.forEach((device, username) -> {
            if (!known.contains(username)) {
                map.put(device, username);
            }
        });
        users.stream().filter(u -> u.active() && u.phone() != null).forEach(u -> map.put(u.phone(), u.username()));
        directory.replace(map);
    }

    @Override
    public synchronized User create(User user) {
        User created = delegate.create(user);
        refresh();
        return created;
    }

    @Override
    public synchronized User update(User user) {
        User updated = delegate.update(user);
        refresh();
        return updated;
    }

    @Override
    public Optional<User> find(String username) {
        return delegate.find(username);
    }

    @Override
    public List<User> list() {
        return delegate.list();
    }

    @Override
    public boolean hasActiveAdmin() {
        return delegate.hasActiveAdmin();
    }
}
