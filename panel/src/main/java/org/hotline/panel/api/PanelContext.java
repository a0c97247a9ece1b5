package org.hotline.panel.api;

import java.time.Clock;
import java.util.Locale;
import org.hotline.panel.PanelMetrics;
import org.hotline.panel.PanelPolicy;
import org.hotline.panel.PanelPorts;
import org.hotline.domain.store.Session;
import org.hotline.panel.http.Json;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Role;

/** What every route group shares. Immutable; its parts are thread-safe. */
public record PanelContext(PanelPorts ports, PanelPolicy policy, Json json, Clock clock, PanelMetrics metrics) {

    /** The actor a session acts as. */
    public static Actor actor(Session s) {
        return new Actor(s.username(), Role.valueOf(s.role().toUpperCase(Locale.ROOT)));
    }

    /** The wire name of a role ({@code duty_manager}). */
    public static String roleName(Role r) {
        return r.name().toLowerCase(Locale.ROOT);
    }
}
