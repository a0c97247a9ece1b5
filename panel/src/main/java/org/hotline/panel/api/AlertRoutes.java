package org.hotline.panel.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.domain.notify.Alert;
import org.hotline.domain.notify.AlertStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.Actor;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;

/**
 * The alerts the service raised (escalations, major complaints, deadline alerts, failed and
 * after-hours call-backs, follow-ups, the morning list) and their acknowledgement: who and when,
 * written once. A user sees the alerts raised for them; managers see every alert; nobody sees
 * one about a ticket they may not see (a tip-off), by the one visibility policy of the tickets.
 */
public final class AlertRoutes {
    private static final int MAX = 200;

    private final PanelContext ctx;

    public AlertRoutes(PanelContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.add("GET", "/api/alerts", Access.anyUser(), this::list)
              .add("POST", "/api/alerts/{id}/acknowledge", Access.anyUser(), this::acknowledge);
    }

    /** Whether {@code viewer} may see {@code a}: raised for them or they manage, and its ticket is theirs to see. */
    static boolean visible(Alert a, Actor viewer, TicketStore tickets) {
        if (!viewer.role().isManager() && !a.recipients().contains(viewer.id())) {
            return false;
        }
        return a.ticketId() == 0 || tickets.find(a.ticketId(), viewer).isPresent();
    }

    /** {@code ?open=true} (the default) for the unacknowledged only, {@code ?before=ID} to page back. */
    private ApiResponse list(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        String open = r.queryParam("open").orElse("true");
        if (!open.equals("true") && !open.equals("false")) {
            throw new ApiException(400, "invalid_open", "Query parameter 'open' must be true or false.");
        }
        long before;
        try {
            before = Long.parseLong(r.queryParam("before").orElse("0"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_before", "Query parameter 'before' must be an alert id (a whole number).");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        long cursor = before;
        while (out.size() < MAX) {
            List<Alert> page = ctx.ports().alerts().recent(open.equals("true"), MAX, cursor);
            for (Alert a : page) {
                cursor = a.id();
                if (out.size() < MAX && visible(a, me, ctx.ports().tickets())) {
                    out.add(view(a));
                }
            }
            if (page.size() < MAX) {
                break;
            }
        }
        return ctx.json().ok(Map.of("alerts", out));
    }

    private ApiResponse acknowledge(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        long id;
        try {
            id = Long.parseLong(r.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_id", "The alert id must be a whole number.");
        }
        Alert a = ctx.ports().alerts().find(id).filter(x -> visible(x, me, ctx.ports().tickets()))
                .orElseThrow(() -> ApiException.notFound("No alert " + id + " for you."));
        try {
            Alert done = ctx.ports().alerts().acknowledge(a.id(), me.id(), ctx.clock().instant()).orElseThrow();
            return ctx.json().ok(view(done));
        } catch (AlertStore.AlreadyAcknowledgedException e) {
            throw ApiException.conflict("already_acknowledged", "Alert " + id + " was already acknowledged by "
                    + e.alert().acknowledgedBy() + " at " + e.alert().acknowledgedAt() + ".");
        }
    }

    private static Map<String, Object> view(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind());
        m.put("subject", a.subject());
        m.put("ticketId", a.ticketId() == 0 ? null : a.ticketId());
        m.put("recipients", a.recipients());
        m.put("urgent", a.urgent());
        m.put("raisedAt", a.raisedAt());
        m.put("acknowledgedBy", a.acknowledgedBy());
        m.put("acknowledgedAt", a.acknowledgedAt());
        return m;
    }
}
