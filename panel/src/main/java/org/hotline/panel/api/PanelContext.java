package org.hotline.panel.api;

import java.time.Clock;
import org.hotline.panel.PanelMetrics;
import org.hotline.panel.PanelPolicy;
import org.hotline.panel.PanelPorts;
import org.hotline.panel.auth.Session;
import org.hotline.panel.http.Json;
import org.hotline.domain.ticket.Actor;

/** What every route group shares. Immutable; its parts are thread-safe. */
public record PanelContext(PanelPorts ports, PanelPolicy policy, Json json, Clock clock, PanelMetrics metrics) {

    /** The actor a session acts as. */
    public static Actor actor(Session s) {
        return new Actor(s.username(), s.role());
    }
}
