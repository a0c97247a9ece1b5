package org.hotline.panel.api;

import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.panel.QueueMemberControl;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.panel.auth.Access;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.panel.http.ApiException;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.panel.http.ApiResponse;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.panel.http.Router;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.store.Claim;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Handover;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Presence;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.store.QueuedTicket;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.store.TicketQuery;

/**
 * The agent's side: presence state mirrored to Asterisk, the dispatch queue (ordered by urgency
 * then deadline, with the deadlines for countdowns), claiming the next ticket, and the shift
 * handover.
 */
public final class AgentRoutes {
    private final PanelContext ctx;
    private final TicketRoutes tickets;

    public AgentRoutes(PanelContext ctx, TicketRoutes tickets) {
        this.ctx = ctx;
        this.tickets = tickets;
    }

    public void register(Router router) {
        router.add("GET", "/api/agent/state", Access.anyUser(), this::state)
              .add("PUT", "/api/agent/state", Access.roles(Role.AGENT, Role.SUPERVISOR, Role.DUTY_MANAGER), this::setState)
              .add("GET", "/api/queue", Access.anyUser(), this::queue)
              .add("POST", "/api/queue/claim", Access.roles(Role.AGENT, Role.SUPERVISOR, Role.DUTY_MANAGER), this::claim)
              .add("GET", "/api/handover", Access.anyUser(), this::handovers)
              .add("POST", "/api/handover", Access.anyUser(), this::recordHandover);
    }

    private ApiResponse state(ApiRequest r) {
        String me = r.requireSession().username();
        Optional<Presence> p = ctx.ports().presence().get(me);
        return ctx.json().ok(presenceView(me, p));
    }

    static Map<String, Object> presenceView(String agent, Optional<Presence> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agent);
        m.put("state", p.map(x -> TicketView.wire(x.state())).orElse("offline"));
        m.put("reason", p.map(Presence::reason).orElse(null));
        m.put("since", p.map(Presence::since).orElse(null));
        return m;
    }

    private ApiResponse setState(ApiRequest r) {
        String me = r.requireSession().username();
        Fields f = new Fields(r.body());
        AgentState state = f.choice("state", AgentState.class);
        String reason = f.text("reason", 80);
        if (state == null || state == AgentState.OFFLINE) {
            throw ApiException.badRequest("Field 'state' must be available, paused or wrap_up.");
        }
        if (state == AgentState.PAUSED && (reason == null || reason.isBlank())) {
            throw ApiException.badRequest("Give a reason for pausing (for example: lunch, training).");
        }
        try {
            switch (state) {
                case AVAILABLE -> ctx.ports().queueMembers().unpause(me);
                case PAUSED -> ctx.ports().queueMembers().pause(me, reason.trim());
                case WRAP_UP -> ctx.ports().queueMembers().pause(me, "wrap-up");
                default -> throw new IllegalStateException();
            }
        } catch (QueueMemberControl.QueueMemberException e) {
            throw new ApiException(502, "asterisk_refused", "Asterisk did not take the new state: " + e.getMessage());
        }
        Presence p = ctx.ports().presence().set(me, state, state == AgentState.AVAILABLE ? null : reason,
                ctx.policy().presenceTtl());
        return ctx.json().ok(presenceView(me, Optional.of(p)));
    }

    private ApiResponse queue(ApiRequest r) {
        Actor me = PanelContext.actor(r.requireSession());
        List<Map<String, Object>> out = new ArrayList<>();
        List<QueuedTicket> waiting = new ArrayList<>();
        Map<Long, String> queueOf = new LinkedHashMap<>();
        for (String q : ctx.policy().queues()) {
            for (QueuedTicket qt : ctx.ports().queue().peek(q, 50)) {
                waiting.add(qt);
                queueOf.put(qt.ticketId(), q);
            }
        }
        waiting.sort(Comparator.comparing((QueuedTicket q) -> q.urgency().ordinal()).reversed()
                .thenComparing(q -> q.deadline() == null ? Instant.MAX : q.deadline()));
        for (QueuedTicket qt : waiting) {
            ctx.ports().tickets().find(qt.ticketId(), me).ifPresent(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("queue", queueOf.get(qt.ticketId()));
                m.put("ticket", TicketView.of(t));
                out.add(m);
            });
        }
        return ctx.json().ok(out);
    }

    private ApiResponse claim(ApiRequest r) {
        Actor me = PanelContext.actor(r.requireSession());
        Optional<Claim> claim = ctx.ports().queue().claim(me.id(), ctx.policy().queues(), ctx.policy().claimLease());
        if (claim.isEmpty()) {
            throw ApiException.notFound("The queue is empty: nothing to claim.");
        }
        Claim c = claim.get();
        try {
            Ticket taken = takeOver(c, me);
            ctx.ports().queue().complete(c);
            ctx.metrics().queueWaited(Duration.between(taken.createdAt(), ctx.clock().instant()));
            return ctx.json().ok(tickets.detailOf(taken, me));
        } catch (RuntimeException e) {
            ctx.ports().queue().release(c);
            throw e;
        }
    }

    /** Takes the claimed ticket over; one retry when it changed between read and write. */
    private Ticket takeOver(Claim c, Actor me) {
        for (int attempt = 0; ; attempt++) {
            Ticket t = ctx.ports().tickets().find(c.ticketId())
                    .orElseThrow(() -> ApiException.notFound("The claimed ticket disappeared; claim again."));
            if (!t.visibleTo(me)) {
                throw ApiException.unprocessable("refused", "The next ticket is confidential; a supervisor must take it.");
            }
            try {
                return ctx.ports().tickets().apply(t.id(), t.version(), me,
                        new TicketAction.TakeOver("claimed from queue " + c.queue()));
            } catch (VersionConflictException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private ApiResponse handovers(ApiRequest r) {
        return ctx.json().ok(Map.of("recent", ctx.ports().handovers().recent(5)));
    }

    private ApiResponse recordHandover(ApiRequest r) {
        Actor me = PanelContext.actor(r.requireSession());
        Fields f = new Fields(r.body());
        String onDuty = f.requiredText("onDuty", 80).trim();
        String followUp = f.text("followUp", 4000);
        String notes = f.text("notes", 4000);
        int open = ctx.ports().tickets().search(TicketQuery.open(1000), me).size();
        Handover h = ctx.ports().handovers().record(new Handover(0, ctx.clock().instant(), onDuty, me.id(), open,
                followUp, notes));
        return ctx.json().status(201, h);
    }

}
