package org.hotline.panel.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.panel.CallBoard;
import org.hotline.panel.QueueMemberControl;
import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.ticket.Handover;
import org.hotline.domain.store.HandoverStore;
import org.hotline.domain.ticket.Presence;
import org.hotline.domain.store.PresenceStore;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;
import org.hotline.domain.store.UserStore;

/** Small in-memory fakes of the remaining ports. Each is thread-safe (synchronized). */
public final class FakeDirectory {
    private FakeDirectory() {}

    public static final class Users implements UserStore {
        private final Map<String, User> users = new TreeMap<>();

        @Override
        public synchronized User create(User u) {
            if (users.containsKey(u.username())) {
                throw new IllegalArgumentException("user name '" + u.username() + "' is already taken");
            }
            refuseTaken(u);
            users.put(u.username(), u);
            return u;
        }

        @Override
        public synchronized User update(User u) {
            if (!users.containsKey(u.username())) {
                throw new IllegalArgumentException("no user '" + u.username() + "'");
            }
            refuseTaken(u);
            users.put(u.username(), u);
            return u;
        }

        /** The unique indexes of the real store: one phone device and one roster person per user. */
        private void refuseTaken(User u) {
            for (User other : users.values()) {
                if (other.username().equals(u.username())) {
                    continue;
                }
                if (u.phone() != null && u.phone().equals(other.phone())) {
                    throw new IllegalArgumentException("phone device '" + u.phone() + "' already belongs to another user");
                }
                if (u.rosterPerson() != null && u.rosterPerson().equals(other.rosterPerson())) {
                    throw new IllegalArgumentException("roster person '" + u.rosterPerson() + "' is already another user");
                }
            }
        }

        @Override
        public synchronized Optional<User> find(String username) { return Optional.ofNullable(users.get(username)); }

        @Override
        public synchronized List<User> list() { return List.copyOf(users.values()); }

        @Override
        public synchronized boolean hasActiveAdmin() {
            return users.values().stream().anyMatch(u -> u.active() && u.role() == Role.ADMIN);
        }
    }

    public static final class Departments implements DepartmentStore {
        private final Map<String, Department> byId = new TreeMap<>();

        @Override
        public synchronized Department save(Department d) {
            byId.put(d.id(), d);
            return d;
        }

        @Override
        public synchronized Optional<Department> find(String id) { return Optional.ofNullable(byId.get(id)); }

        @Override
        public synchronized List<Department> list() { return List.copyOf(byId.values()); }
    }

    public static final class Handovers implements HandoverStore {
        private final List<Handover> all = new ArrayList<>();

        @Override
        public synchronized Handover record(Handover h) {
            Handover stored = new Handover(all.size() + 1, h.at(), h.onDuty(), h.handedOverBy(), h.openItems(), h.followUp(), h.notes());
            all.add(stored);
            return stored;
        }

        @Override
        public synchronized Optional<Handover> latest() {
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        @Override
        public synchronized List<Handover> recent(int max) {
            List<Handover> r = new ArrayList<>(all);
            r.sort(Comparator.comparing(Handover::id).reversed());
            return r.subList(0, Math.min(max, r.size()));
        }
    }

    public static final class Presences implements PresenceStore {
        private final Clock clock;
        private final Map<String, Presence> byAgent = new TreeMap<>();

        public Presences(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized Presence set(String agentId, AgentState state, String reason, Duration ttl) {
            Instant now = clock.instant();
            Presence old = byAgent.get(agentId);
            Instant since = old != null && old.state() == state && old.expiresAt().isAfter(now) ? old.since() : now;
            Presence p = new Presence(agentId, state, reason, since, now.plus(ttl));
            byAgent.put(agentId, p);
            return p;
        }

        @Override
        public synchronized Optional<Presence> get(String agentId) {
            return Optional.ofNullable(byAgent.get(agentId)).filter(p -> p.expiresAt().isAfter(clock.instant()));
        }

        @Override
        public synchronized List<Presence> all() {
            return byAgent.values().stream().filter(p -> p.expiresAt().isAfter(clock.instant())).toList();
        }

        @Override
        public synchronized void clear(String agentId) { byAgent.remove(agentId); }
    }

    /** Records what the panel asked Asterisk; can be told to fail. */
    public static final class QueueMembers implements QueueMemberControl {
        public final List<String> calls = new CopyOnWriteArrayList<>();
        public volatile boolean down;

        @Override
        public void pause(String agent, String reason) throws QueueMemberException {
            if (down) {
                throw new QueueMemberException("AMI is not connected");
            }
            calls.add("pause " + agent + " " + reason);
        }

        @Override
        public void unpause(String agent) throws QueueMemberException {
            if (down) {
                throw new QueueMemberException("AMI is not connected");
            }
            calls.add("unpause " + agent);
        }
    }

    /** A call board whose numbers tests set. */
    public static final class Calls implements CallBoard {
        public volatile Snapshot current = Snapshot.empty();

        @Override
        public Snapshot snapshot() { return current; }
    }
}
