package org.hotline.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;
import org.hotline.ivr.ami.AgentDirectory;
import org.junit.jupiter.api.Test;

class PanelPhonesTest {

    /** Users in a map, as the store keeps them. */
    static final class MapUsers implements UserStore {
        final Map<String, User> users = new TreeMap<>();

        @Override public User create(User u) { users.put(u.username(), u); return u; }
        @Override public User update(User u) { users.put(u.username(), u); return u; }
        @Override public Optional<User> find(String username) { return Optional.ofNullable(users.get(username)); }
        @Override public List<User> list() { return List.copyOf(users.values()); }
        @Override public boolean hasActiveAdmin() { return false; }
    }

    private static User user(String name, String phone) {
        return new User(name, name, Role.AGENT, "$2a$10$hash", phone, true);
    }

    @Test
    void theConfigurationSeedsThePhonesOnceAndThePanelsChangesReachScreenPopsAtOnce() {
        MapUsers store = new MapUsers();
        store.create(user("alice", null));
        AgentDirectory directory = new AgentDirectory(Map.of());
        PanelPhones phones = new PanelPhones(store, directory, Map.of("PJSIP/1001", "alice", "PJSIP/1002", "bob"));

        phones.seedAndRefresh();
        assertThat(store.find("alice").orElseThrow().phone()).isEqualTo("PJSIP/1001");
        assertThat(directory.userAt("PJSIP/1001")).contains("alice");
        assertThat(directory.userAt("PJSIP/1002")).as("bob is not a user yet: the seed still maps him").contains("bob");

        phones.update(user("alice", "PJSIP/1009"));
        assertThat(directory.userAt("PJSIP/1009")).contains("alice");
        assertThat(directory.userAt("PJSIP/1001")).isEmpty();
        assertThat(directory.deviceOf("alice")).contains("PJSIP/1009");

        phones.create(user("bob", "PJSIP/1003"));
        assertThat(directory.userAt("PJSIP/1002")).isEmpty();
        assertThat(directory.userAt("PJSIP/1003")).contains("bob");

        phones.update(user("bob", "PJSIP/1003").withActive(false));
        assertThat(directory.userAt("PJSIP/1003")).as("a deactivated user gets no pops").isEmpty();

        store.update(user("alice", null));
        new PanelPhones(store, directory, Map.of("PJSIP/1001", "alice")).seedAndRefresh();
        assertThat(store.find("alice").orElseThrow().phone()).as("seeded only while no user has a phone").isNull();
    }
}
