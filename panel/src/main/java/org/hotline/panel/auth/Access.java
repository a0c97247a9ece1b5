package org.hotline.panel.auth;

import java.util.Set;

/**
 * Who may call a route. {@link Public} routes need nothing; {@link Roles} routes need a live
 * session whose role is in the set (an empty set means any logged-in user). Every route that
 * is not {@code GET} additionally needs the session's CSRF token, checked by the server before
 * the handler runs.
 */
public sealed interface Access {
    record Public() implements Access {}

    record Roles(Set<String> roles) implements Access {
        public Roles {
            roles = Set.copyOf(roles);
        }

        public boolean permits(String role) {
            return roles.isEmpty() || roles.contains(role);
        }
    }

    static Access publicRoute() { return new Public(); }

    static Access anyUser() { return new Roles(Set.of()); }

    static Access roles(String... roles) { return new Roles(Set.of(roles)); }
}
