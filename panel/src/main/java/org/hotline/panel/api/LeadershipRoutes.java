package org.hotline.panel.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;

/**
 * The senior managers' board: open tickets escalated by the third dispatch, flagged as major
 * complaints, or past their final deadline while still being worked, most urgent first. They
 * act on them with the ticket endpoints (reassign, note, close), which the lifecycle allows
 * the {@code senior_manager} role.
 */
public final class LeadershipRoutes {
    private static final String MAX_SUFFIX = ".max";
    private final PanelContext ctx;

    public LeadershipRoutes(PanelContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.add("GET", "/api/leadership/board", Access.roles(Role.SENIOR_MANAGER, Role.ADMIN), this::board);
    }

    private ApiResponse board(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        Instant now = ctx.clock().instant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Ticket t : (ctx.ports().tickets().search(TicketQuery.open(1000), me))) {
            List<String> reasons = new ArrayList<>();
            if (t.escalated()) {
                reasons.add("escalated");
            }
            Optional<HistoryEvent> major = (ctx.ports().tickets().history(t.id())).stream()
                    .filter(e -> "flag-major".equals(e.action())).findFirst();
            major.ifPresent(e -> reasons.add("major"));
            if (finalDeadlineMissed(t, now)) {
                reasons.add("final-deadline-missed");
            }
            if (!reasons.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ticket", TicketView.of(t));
                m.put("reasons", reasons);
                m.put("major", major.map(HistoryEvent::note).orElse(null));
                out.add(m);
            }
        }
        return ctx.json().ok(Map.of("tickets", out));
    }

    /** The step due last has passed and the ticket is still being worked (not yet resolved). */
    private static boolean finalDeadlineMissed(Ticket t, Instant now) {
        if (!EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS, TicketStatus.MISSED,
                TicketStatus.ABANDONED).contains(t.status())) {
            return false;
        }
        return t.deadlines().entrySet().stream().filter(e -> !e.getKey().endsWith(MAX_SUFFIX))
                .map(Map.Entry::getValue).max(Instant::compareTo).map(due -> due.isBefore(now)).orElse(false);
    }
}
