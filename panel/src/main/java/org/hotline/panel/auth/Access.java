package org.hotline.panel.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.domain.ticket.Role;

/**
 * Who may call a route. {@link Public} routes need nothing; {@link Roles} routes need a live
 * session whose role is in the set (an empty set means any logged-in user). Every route that
 * is not {@code GET} additionally needs the session's CSRF token, checked by the server before
 * the handler runs.
 */
public sealed interface Access {
    record Public() implements Access {}

    record Roles(Set<Role> roles) implements Access {
        public Roles {
            roles = Set.copyOf(roles);
        }

        public boolean permits(Role role) {
            return roles.isEmpty() || roles.contains(role);
        }
    }

    static Access publicRoute() { return new Public(); }

    static Access anyUser() { return new Roles(Set.of()); }

    static Access roles(Role... roles) { return new Roles(Set.of(roles)); }

    /** The roles {@link Role#isManager() that manage}: supervisors, duty managers, admins. */
    static Access managers() {
        return new Roles(Arrays.stream(Role.values()).filter(Role::isManager)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }
}
