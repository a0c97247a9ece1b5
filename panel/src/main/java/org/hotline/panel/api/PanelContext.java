package org.hotline.panel.api;

import java.time.Clock;
import org.hotline.panel.PanelMetrics;
import org.hotline.panel.PanelPolicy;
import org.hotline.panel.PanelPorts;
import org.hotline.domain.store.Session;
import org.hotline.panel.http.Json;
import org.hotline.domain.ticket.Actor;

/** What every route group shares. Immutable; its parts are thread-safe. */
public record PanelContext(PanelPorts ports, PanelPolicy policy, Json json, Clock clock, PanelMetrics metrics) {

    /**
     * The actor a session acts as, without an agent's reach: only for routes agents may not use.
     *
     * @deprecated use {@link #viewer(Session)}, which applies the visibility policy in full
     */
    @Deprecated
    public static Actor actor(Session s) {
        return new Actor(s.username(), s.role());
    }

    /**
     * The actor a session acts as. An agent's reach is their department's default lines (see
     * {@link Actor#reaches}); read on every request, so a change of department applies at once.
     */
    public Actor viewer(Session s) {
        if (s.role() != org.hotline.domain.ticket.Role.AGENT) {
            return new Actor(s.username(), s.role());
        }
        String department = ports.users().find(s.username()).map(org.hotline.domain.ticket.User::department).orElse(null);
        java.util.Set<String> lines = department == null ? java.util.Set.of()
                : ports.departments().find(department).map(org.hotline.domain.ticket.Department::lines).orElse(java.util.Set.of());
        return new Actor(s.username(), s.role(), lines, department);
    }
}
