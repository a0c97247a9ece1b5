package org.hotline.panel.users;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.User;

/**
 * Creates, edits and deactivates departments, with their manager and the kinds of request and
 * lines they handle by default (dispatch proposes the department that fits a ticket). Every
 * field is checked before anything is saved ({@link InvalidFieldException} naming it); every
 * change is in the audit trail. Departments are never deleted (tickets keep their id).
 * Thread-safe.
 */
public final class DepartmentAdministration {
    private static final int NAME_MAX = 80;

    /**
     * A department to create or the changes to one: {@code null} components stay as they are
     * (on create: no manager, no default kinds or lines, active).
     */
    public record Edit(String name, String manager, List<String> kinds, List<String> lines, Boolean active) {}

    private final DepartmentStore departments;
    private final UserStore users;
    private final AuditTrail audit;
    private final Set<String> lineIds;
    private final Clock clock;

    public DepartmentAdministration(DepartmentStore departments, UserStore users, AuditTrail audit, Set<String> lineIds,
                                    Clock clock) {
        this.departments = departments;
        this.users = users;
        this.audit = audit;
        this.lineIds = Set.copyOf(lineIds);
        this.clock = clock;
    }

    public List<Department> list() {
        return departments.list();
    }

    public synchronized Department create(String actor, String id, Edit e) {
        String code = NameRules.code("id", id);
        if (departments.find(code).isPresent()) {
            throw new InvalidFieldException("id", "Department '" + code + "' already exists; edit it instead.");
        }
        Department d = new Department(code, NameRules.displayName("name", e.name(), NAME_MAX), e.active() == null || e.active(),
                manager(e.manager()), kinds(e.kinds()), lines(e.lines()));
        departments.save(d);
        audit.record(AuditEntry.of(clock.instant(), actor, "department.created", code, describe(d)));
        return d;
    }

    public synchronized Department update(String actor, String id, Edit e) {
        Department old = departments.find(id).orElseThrow(() -> new InvalidFieldException("id",
                "There is no department '" + id + "'."));
        Department d = new Department(old.id(),
                e.name() == null ? old.name() : NameRules.displayName("name", e.name(), NAME_MAX),
                e.active() == null ? old.active() : e.active(),
                e.manager() == null ? old.manager() : manager(e.manager()),
                e.kinds() == null ? old.kinds() : kinds(e.kinds()),
                e.lines() == null ? old.lines() : lines(e.lines()));
        Map<String, String> detail = new LinkedHashMap<>();
        describe(old).forEach((k, v) -> {
            String now = describe(d).get(k);
            if (!Objects.equals(v, now)) {
                detail.put(k, v + " -> " + now);
            }
        });
        if (detail.isEmpty()) {
            return old;
        }
        departments.save(d);
        audit.record(AuditEntry.of(clock.instant(), actor, d.active() || !old.active() ? "department.updated"
                : "department.deactivated", d.id(), detail));
        return d;
    }

    private String manager(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        User u = users.find(username.trim()).filter(User::active).orElseThrow(() -> new InvalidFieldException("manager",
                "Field 'manager': there is no active user '" + username.trim() + "'."));
        return u.username();
    }

    private static Set<RequestKind> kinds(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<RequestKind> out = EnumSet.noneOf(RequestKind.class);
        for (String n : names) {
            try {
                out.add(RequestKind.parse(n == null ? "" : n.trim()));
            } catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("kinds", "Field 'kinds': " + ex.getMessage());
            }
        }
        return out;
    }

    private Set<String> lines(List<String> ids) {
        if (ids == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String l : ids) {
            if (l == null || !lineIds.contains(l.trim())) {
                throw new InvalidFieldException("lines", "Field 'lines': '" + l + "' is not a line; the lines are "
                        + String.join(", ", new TreeSet<>(lineIds)) + ".");
            }
            out.add(l.trim());
        }
        return out;
    }

    private static Map<String, String> describe(Department d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("manager", d.manager() == null ? "" : d.manager());
        m.put("kinds", d.kinds().stream().map(RequestKind::configName).sorted().collect(Collectors.joining(",")));
        m.put("lines", String.join(",", new TreeSet<>(d.lines())));
        m.put("active", Boolean.toString(d.active()));
        return m;
    }
}
