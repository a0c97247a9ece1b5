package org.hotline.panel.users;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.store.SessionStore;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;
import org.hotline.panel.auth.FirstAdmin;
import org.hotline.panel.auth.PasswordHasher;

/**
 * Creates, edits and deactivates panel users, and sets their passwords: the one place these
 * rules live, used by the API ({@code /api/users}) and the command line ({@code user ...}).
 * Every input is checked before anything is written (bad input: {@link InvalidFieldException}
 * naming the field, nothing changed). Every act is appended to the audit trail with its actor.
 * A password set by an administrator is one-time: the user must choose a new one at the next
 * log-in. A password change, a role change and a deactivation end every session of the user.
 * Users are never deleted (the ticket history keeps their names). Thread-safe.
 */
public final class UserAdministration {
    private static final int DISPLAY_NAME_MAX = 80;

    /** A user to create; {@code password} null: generate a one-time one. */
    public record NewUser(String username, String displayName, String role, String department, String phone,
                          String rosterPerson, String password) {}

    /** A created user and, when the administrator gave none, the generated one-time password. */
    public record Created(User user, Optional<String> oneTimePassword) {}

    /**
     * Changes to a user. A {@code null} component leaves the value as it is; for the optional
     * values ({@code department}, {@code phone}, {@code rosterPerson}) an empty string clears it.
     */
    public record Change(String displayName, String role, String department, String phone, String rosterPerson,
                         Boolean active) {}

    private final UserStore users;
    private final DepartmentStore departments;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final Set<String> rosterPeople;
    private final Clock clock;

    /** @param rosterPeople the ids of the configuration's {@code people} a user may be */
    public UserAdministration(UserStore users, DepartmentStore departments, SessionStore sessions, AuditTrail audit,
                              PasswordHasher hasher, Set<String> rosterPeople, Clock clock) {
        this.users = users;
        this.departments = departments;
        this.sessions = sessions;
        this.audit = audit;
        this.hasher = hasher;
        this.rosterPeople = Set.copyOf(rosterPeople);
        this.clock = clock;
    }

    public List<User> list() {
        return users.list();
    }

    public User find(String username) {
        return users.find(username).orElseThrow(() -> new UnknownUserException(username));
    }

    /** Creates a user after checking every field; a generated password is returned once. */
    public synchronized Created create(String actor, NewUser n) {
        String username = NameRules.username("username", n.username());
        String displayName = NameRules.displayName("displayName", n.displayName(), DISPLAY_NAME_MAX);
        Role role = role(n.role());
        String department = department(blankToNull(n.department()));
        String phone = phone(username, blankToNull(n.phone()));
        String rosterPerson = rosterPerson(username, blankToNull(n.rosterPerson()));
        if (users.find(username).isPresent()) {
            throw new InvalidFieldException("username", "User name '" + username + "' is already taken "
                    + "(users are never deleted; reactivate or choose another name).");
        }
        boolean generated = n.password() == null || n.password().isEmpty();
        String password = generated ? oneTimePassword() : n.password();
        User u = new User(username, displayName, role, hash(password), phone, true, department, rosterPerson, true);
        users.create(u);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("displayName", displayName);
        detail.put("role", role.wireName());
        put(detail, "department", department);
        put(detail, "phone", phone);
        put(detail, "rosterPerson", rosterPerson);
        record(actor, "user.created", username, detail);
        return new Created(u, generated ? Optional.of(password) : Optional.empty());
    }

    /** Applies a change; records every changed value (old and new) in the audit trail. */
    public synchronized User update(String actor, String username, Change c) {
        User old = find(username);
        String displayName = c.displayName() == null ? old.displayName()
                : NameRules.displayName("displayName", c.displayName(), DISPLAY_NAME_MAX);
        Role role = c.role() == null ? old.role() : role(c.role());
        String department = c.department() == null ? old.department() : department(blankToNull(c.department()));
        String phone = c.phone() == null ? old.phone() : phone(username, blankToNull(c.phone()));
        String rosterPerson = c.rosterPerson() == null ? old.rosterPerson()
                : rosterPerson(username, blankToNull(c.rosterPerson()));
        boolean active = c.active() == null ? old.active() : c.active();
        if (old.role() == Role.ADMIN && old.active() && (role != Role.ADMIN || !active) && activeAdmins() <= 1) {
            throw new InvalidFieldException(role != Role.ADMIN ? "role" : "active",
                    "'" + username + "' is the last active administrator; make another user admin first.");
        }
        User updated = new User(username, displayName, role, old.passwordHash(), phone, active, department, rosterPerson,
                old.mustChangePassword());
        Map<String, String> detail = new LinkedHashMap<>();
        diff(detail, "displayName", old.displayName(), displayName);
        diff(detail, "role", old.role().wireName(), role.wireName());
        diff(detail, "department", old.department(), department);
        diff(detail, "phone", old.phone(), phone);
        diff(detail, "rosterPerson", old.rosterPerson(), rosterPerson);
        diff(detail, "active", Boolean.toString(old.active()), Boolean.toString(active));
        if (detail.isEmpty()) {
            return old;
        }
        users.update(updated);
        if (old.role() != role || !active) {
            sessions.removeUser(username);
        }
        record(actor, !active && old.active() ? "user.deactivated" : "user.updated", username, detail);
        return updated;
    }

    /**
     * Sets a one-time password (the given one, or a generated one), ends the user's sessions.
     *
     * @return the one-time password to hand to the user
     */
    public synchronized String resetPassword(String actor, String username, String password) {
        User old = find(username);
        String p = password == null || password.isEmpty() ? oneTimePassword() : password;
        users.update(old.withPassword(hash(p), true));
        sessions.removeUser(username);
        record(actor, "user.password_reset", username, Map.of());
        return p;
    }

    /**
     * The user replaces their own password (required after a one-time one). Ends every session of
     * the user; the caller opens a new one.
     *
     * @throws InvalidFieldException {@code currentPassword} when it is wrong, {@code newPassword}
     *                               when the new one is too short, too long or the same
     */
    public synchronized User changeOwnPassword(String username, String current, String next) {
        User old = find(username);
        if (current == null || !hasher.verify(current, old.passwordHash())) {
            throw new InvalidFieldException("currentPassword", "The current password is wrong.");
        }
        if (Objects.equals(current, next)) {
            throw new InvalidFieldException("newPassword", "Choose a new password different from the current one.");
        }
        User updated = old.withPassword(hash("newPassword", next), false);
        users.update(updated);
        sessions.removeUser(username);
        record(username, "user.password_changed", username, Map.of());
        return updated;
    }

    private long activeAdmins() {
        return users.list().stream().filter(u -> u.active() && u.role() == Role.ADMIN).count();
    }

    private String hash(String password) {
        return hash("password", password);
    }

    private String hash(String field, String password) {
        if (password == null) {
            throw new InvalidFieldException(field, "Field '" + field + "' is required.");
        }
        try {
            return hasher.hash(password);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "Field '" + field + "': " + e.getMessage() + ".");
        }
    }

    private static Role role(String wire) {
        return Role.ofWireName(wire).orElseThrow(() -> new InvalidFieldException("role", "Field 'role' must be one of "
                + Role.personWireNames() + "; got '" + (wire == null ? "" : wire) + "'."));
    }

    private String department(String id) {
        if (id == null) {
            return null;
        }
        Optional<Department> d = departments.find(id.trim());
        if (d.isEmpty() || !d.get().active()) {
            throw new InvalidFieldException("department", "Field 'department': there is no active department '"
                    + id.trim() + "'.");
        }
        return d.get().id();
    }

    private String phone(String username, String device) {
        if (device == null) {
            return null;
        }
        String d = NameRules.device("phone", device);
        Optional<User> holder = users.list().stream()
                .filter(u -> d.equalsIgnoreCase(u.phone()) && !u.username().equals(username)).findFirst();
        if (holder.isPresent()) {
            throw new InvalidFieldException("phone", "Phone device " + d + " already belongs to " + holder.get().username()
                    + "; free it there first.");
        }
        return d;
    }

    private String rosterPerson(String username, String person) {
        if (person == null) {
            return null;
        }
        String p = person.trim();
        if (!rosterPeople.contains(p)) {
            throw new InvalidFieldException("rosterPerson", "Field 'rosterPerson': '" + p + "' is not one of the "
                    + "configuration's people (" + String.join(", ", rosterPeople.stream().sorted().toList()) + ").");
        }
        Optional<User> holder = users.list().stream()
                .filter(u -> p.equals(u.rosterPerson()) && !u.username().equals(username)).findFirst();
        if (holder.isPresent()) {
            throw new InvalidFieldException("rosterPerson", "Roster person '" + p + "' is already user "
                    + holder.get().username() + ".");
        }
        return p;
    }

    private void record(String actor, String action, String subject, Map<String, String> detail) {
        audit.record(AuditEntry.of(clock.instant(), actor, action, subject, detail));
    }

    private static void diff(Map<String, String> detail, String field, String old, String now) {
        if (!Objects.equals(old, now)) {
            detail.put(field, (old == null ? "" : old) + " -> " + (now == null ? "" : now));
        }
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String oneTimePassword() {
        return FirstAdmin.randomPassword();
    }
}
