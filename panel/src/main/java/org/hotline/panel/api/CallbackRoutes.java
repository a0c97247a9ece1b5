package org.hotline.panel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;

/**
 * The call-back-failed list: tickets whose caller the automatic satisfaction call-back did not
 * reach, for agents to call by hand, and the score they record (the same way as the caller's
 * keys: 4-5 satisfied, 1-2 re-dispatched). Only tickets the user may see are listed. Also the
 * dead letters of the notification outbox, for supervisors to follow up by other means.
 */
public final class CallbackRoutes {
    private static final int LIMIT = 200;
    private final PanelContext ctx;

    public CallbackRoutes(PanelContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.add("GET", "/api/callbacks/failed", Access.anyUser(), this::failed)
              .add("POST", "/api/callbacks/failed/{id}", Access.anyUser(), this::recordByHand)
              .add("GET", "/api/notifications/dead", Access.roles(Role.SUPERVISOR, Role.SENIOR_MANAGER, Role.ADMIN), this::dead);
    }

    /** Notifications that could not be delivered after every retry (the dead-letter list), newest first. */
    private ApiResponse dead(ApiRequest r) {
        List<Map<String, Object>> out = (ctx.ports().notifications().dead(LIMIT)).stream()
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", e.id());
                    m.put("kind", e.notification().kind());
                    m.put("recipient", e.notification().recipient());
                    m.put("channel", e.notification().channel().name().toLowerCase(java.util.Locale.ROOT));
                    m.put("address", e.notification().address());
                    m.put("subject", e.notification().subject());
                    m.put("ticketId", e.notification().ticketId());
                    m.put("attempts", e.attempts());
                    m.put("lastError", e.lastError());
                    m.put("createdAt", e.createdAt());
                    return m;
                }).toList();
        return ctx.json().ok(Map.of("dead", out));
    }

    private ApiResponse failed(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        List<SurveyCall> failed = (ctx.ports().callbacks().failed(LIMIT));
        List<Map<String, Object>> out = failed.stream()
                .filter(c -> (ctx.ports().tickets().find(c.ticketId(), me)).isPresent())
                .map(CallbackRoutes::view).toList();
        return ctx.json().ok(Map.of("failed", out));
    }

    static Map<String, Object> view(SurveyCall c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticketId", c.ticketId());
        m.put("ticketNumber", c.ticketNumber());
        m.put("callbackNumber", c.callbackNumber());
        m.put("attempts", c.attempts());
        m.put("maxAttempts", c.maxAttempts());
        m.put("reason", c.note());
        m.put("since", c.updatedAt());
        return m;
    }

    private ApiResponse recordByHand(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        long id = TicketRoutes.parseId(r.pathParam("id"));
        (ctx.ports().tickets().find(id, me))
                .orElseThrow(() -> ApiException.notFound("No ticket " + id + " (or you may not see it)."));
        Fields f = new Fields(r.body());
        long score = f.requiredLong("score");
        if (score < 1 || score > 5) {
            throw ApiException.badRequest("Field 'score' must be the caller's satisfaction from 1 to 5, got " + score + ".");
        }
        String comment = f.text("comment", 2000);
        Ticket after;
        try {
            after = (ctx.ports().callbacks().recordByHand(id, me, (int) score, comment));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict("not_on_list", e.getMessage());
        }
        return ctx.json().ok(TicketView.of(after));
    }
}
