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
import org.hotline.panel.QueueMemberControl;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.store.Claim;
import org.hotline.domain.ticket.Handover;
import org.hotline.domain.ticket.Presence;
import org.hotline.domain.store.QueuedTicket;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketQuery;

/**
 * The agent's side: presence state mirrored to Asterisk, the dispatch queue (ordered by urgency
 * then deadline, with the deadlines for countdowns), claiming the next ticket, and the shift
 * handover.
 */
public final class AgentRoutes {
    /** The roles that take calls and claim tickets. */
    private static final Role[] WORKERS = {Role.AGENT, Role.SUPERVISOR, Role.DUTY_MANAGER, Role.TIP_OFF_HANDLER,
            Role.SENIOR_MANAGER};

    private final PanelContext ctx;
    private final TicketRoutes tickets;
    private final org.hotline.domain.store.ClaimHolds holds;

    public AgentRoutes(PanelContext ctx, TicketRoutes tickets, org.hotline.domain.store.ClaimHolds holds) {
        this.ctx = ctx;
        this.tickets = tickets;
        this.holds = holds;
    }

    public void register(Router router) {
        router.add("GET", "/api/agent/state", Access.anyUser(), this::state)
              .add("PUT", "/api/agent/state", Access.roles(WORKERS), this::setState)
              .add("GET", "/api/queue", Access.anyUser(), this::queue)
              .add("POST", "/api/queue/claim", Access.roles(WORKERS), this::claim)
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

    /**
     * The waiting tickets the caller may see, by urgency then deadline; {@code ?line=} and
     * {@code ?kind=} filter, {@code ?offset=} and {@code ?limit=} (default 50, at most 200) page.
     */
    private ApiResponse queue(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        String line = r.queryParam("line").filter(l -> !l.isBlank()).orElse(null);
        if (line != null && !ctx.policy().queues().contains(line)) {
            throw new ApiException(400, "invalid_line", "Query parameter 'line' must be one of "
                    + String.join(", ", ctx.policy().queues()) + "; got '" + line + "'.");
        }
        org.hotline.domain.ticket.RequestKind kind = null;
        String k = r.queryParam("kind").filter(x -> !x.isBlank()).orElse(null);
        if (k != null) {
            try {
                kind = org.hotline.domain.ticket.RequestKind.parse(k);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_kind", "Query parameter 'kind': " + e.getMessage() + ".");
            }
        }
        int offset = UserRoutes.intParam(r, "offset", 0, 0, 10_000);
        int limit = UserRoutes.intParam(r, "limit", 50, 1, 200);
        List<QueuedTicket> waiting = new ArrayList<>();
        Map<Long, String> queueOf = new LinkedHashMap<>();
        for (String q : ctx.policy().queues()) {
            if (line != null && !line.equals(q)) {
                continue;
            }
            for (QueuedTicket qt : ctx.ports().queue().peek(q, offset + limit + 200)) {
                waiting.add(qt);
                queueOf.put(qt.ticketId(), q);
            }
        }
        waiting.sort(Comparator.comparing((QueuedTicket q) -> q.urgency().ordinal()).reversed()
                .thenComparing(q -> q.deadline() == null ? Instant.MAX : q.deadline()));
        List<Map<String, Object>> out = new ArrayList<>();
        int skipped = 0;
        for (QueuedTicket qt : waiting) {
            if (out.size() == limit) {
                break;
            }
            Optional<Ticket> t = ctx.ports().tickets().find(qt.ticketId(), me);
            if (t.isEmpty() || (kind != null && t.get().kind() != kind)) {
                continue;
            }
            if (skipped++ < offset) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("queue", queueOf.get(qt.ticketId()));
            m.put("ticket", TicketView.of(t.get()));
            out.add(m);
        }
        return ctx.json().ok(out);
    }

    /** How many tickets one claim looks at before it gives up (each one it cannot take is skipped). */
    private static final int CLAIM_LOOKS = 50;

    /**
     * Claims the first ticket this user may take. A ticket they cannot take never blocks those
     * behind it: one they may not see (a tip-off) or that another person took meanwhile is held
     * while the claim looks further and then returned to its place for someone who can; one that
     * no longer awaits an agent at all is dropped from the queue.
     */
    private ApiResponse claim(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        List<Claim> skipped = new ArrayList<>();
        // an agent limited to their lines claims from those lines' queues (tickets of their department elsewhere
        // are reached through search and dispatch, not the queue)
        List<String> queues = me.limited() && ctx.policy().queues().stream().anyMatch(me.lines()::contains)
                ? ctx.policy().queues().stream().filter(me.lines()::contains).toList() : ctx.policy().queues();
        try {
            for (int look = 0; look < CLAIM_LOOKS; look++) {
                Optional<Claim> claim = ctx.ports().queue().claim(me.id(), queues, ctx.policy().claimLease());
                if (claim.isEmpty()) {
                    break;
                }
                Claim c = claim.get();
                Optional<Ticket> t = ctx.ports().tickets().find(c.ticketId());
                if (t.isEmpty() || !t.get().awaitsAgent() || !TAKEABLE.contains(t.get().status())) {
                    ctx.ports().queue().complete(c); // stale: it waits for no one
                    continue;
                }
                if (!t.get().visibleTo(me) || (t.get().owner() != null && !t.get().owner().equals(me.id()))) {
                    skipped.add(c);
                    continue;
                }
                try {
                    Ticket taken = takeOver(c, me);
                    org.hotline.domain.store.ClaimHold hold = holds.start(taken.id(), me.id());
                    ctx.ports().queue().complete(c);
                    ctx.metrics().queueWaited(Duration.between(taken.createdAt(), ctx.clock().instant()));
                    Map<String, Object> out = new LinkedHashMap<>(tickets.detailOf(taken, me));
                    out.put("hold", TicketRoutes.holdView(hold));
                    return ctx.json().ok(out);
                } catch (RuntimeException e) {
                    ctx.ports().queue().release(c);
                    throw e;
                }
            }
        } finally {
            skipped.forEach(c -> ctx.ports().queue().release(c));
        }
        throw ApiException.notFound(skipped.isEmpty() ? "The queue is empty: nothing to claim."
                : "The queue is empty for you: the " + skipped.size() + " waiting ticket(s) need someone who may take them.");
    }

    private static final java.util.Set<org.hotline.domain.ticket.TicketStatus> TAKEABLE = java.util.EnumSet.of(
            org.hotline.domain.ticket.TicketStatus.ACCEPTED, org.hotline.domain.ticket.TicketStatus.MISSED,
            org.hotline.domain.ticket.TicketStatus.ABANDONED);

    /** Takes the claimed ticket over; one retry when it changed between read and write. */
    private Ticket takeOver(Claim c, Actor me) {
        for (int attempt = 0; ; attempt++) {
            Ticket t = ctx.ports().tickets().find(c.ticketId())
                    .orElseThrow(() -> ApiException.notFound("The claimed ticket disappeared; claim again."));
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

    /** The people of the shift handed over: {@code people} (active user names), always with the caller. */
    private List<String> shiftPeople(ApiRequest r, Actor me) {
        List<String> named = DepartmentRoutes.strings(r.body(), "people");
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        out.add(me.id());
        for (String p : named == null ? List.<String>of() : named) {
            if (ctx.ports().users().find(p).filter(u -> u.active()).isEmpty()) {
                throw new ApiException(400, "invalid_people", "Field 'people': there is no active user '"
                        + printable(p) + "'.");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** The lines of the shift handed over: {@code lines}, by default every line of the panel. */
    private List<String> shiftLines(ApiRequest r) {
        List<String> named = DepartmentRoutes.strings(r.body(), "lines");
        if (named == null || named.isEmpty()) {
            return List.copyOf(ctx.policy().queues());
        }
        for (String l : named) {
            if (!ctx.policy().queues().contains(l)) {
                throw new ApiException(400, "invalid_lines", "Field 'lines' must name lines of "
                        + String.join(", ", ctx.policy().queues()) + "; got '" + printable(l) + "'.");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(named));
    }

    /** Untrusted text for an error message: control characters shown as '?', at most 40 characters. */
    private static String printable(String s) {
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private ApiResponse handovers(ApiRequest r) {
        return ctx.json().ok(Map.of("recent", ctx.ports().handovers().recent(5)));
    }

    private ApiResponse recordHandover(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        Fields f = new Fields(r.body());
        String onDuty = f.requiredText("onDuty", 80).trim();
        String followUp = f.text("followUp", 4000);
        String notes = f.text("notes", 4000);
        if (ctx.ports().users().find(onDuty).filter(u -> u.active()).isEmpty()) {
            throw new ApiException(400, "invalid_onDuty", "Field 'onDuty': there is no active user '" + printable(onDuty)
                    + "'; hand over to the user name of the person taking the shift.");
        }
        if (onDuty.equals(me.id())) {
            throw new ApiException(400, "invalid_onDuty", "Field 'onDuty': you cannot hand the shift over to yourself; "
                    + "name the person taking it.");
        }
        List<String> people = shiftPeople(r, me);
        List<String> lines = shiftLines(r);
        ShiftItems items = ShiftItems.count(new ShiftItems.Sources(ctx.ports().tickets(), ctx.ports().queue(),
                ctx.ports().callbacks(), ctx.ports().alerts()), people, lines, me);
        Handover h = ctx.ports().handovers().record(new Handover(0, ctx.clock().instant(), onDuty, me.id(), items.total(),
                followUp, notes));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", h.id());
        out.put("at", h.at());
        out.put("onDuty", h.onDuty());
        out.put("handedOverBy", h.handedOverBy());
        out.put("openItems", h.openItems());
        out.put("people", people);
        out.put("lines", lines);
        out.put("openTickets", items.openTickets());
        out.put("pendingCallbacks", items.pendingCallbacks());
        out.put("unacknowledgedAlerts", items.unacknowledgedAlerts());
        out.put("followUp", h.followUp());
        out.put("notes", h.notes());
        return ctx.json().status(201, out);
    }

}
