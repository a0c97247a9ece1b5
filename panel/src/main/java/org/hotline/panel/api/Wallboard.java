package org.hotline.panel.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.panel.CallBoard;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.ticket.Presence;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;

/**
 * Computes the supervisors' wallboard: calls waiting and the longest wait, today's call
 * counters (from {@link CallBoard}), agents by state (from presence), and open tickets at risk
 * of missing a deadline or already overdue. Counts a deadline breach (metric) the first time it
 * sees a ticket overdue. Ticket lists show numbers, kinds and owners, never caller identity.
 * Thread-safe ({@link #snapshot} may be called from the refresher and from API calls).
 */
public final class Wallboard {
    private static final Actor BOARD = new Actor("wallboard", Role.SUPERVISOR);

    private final PanelContext ctx;
    private final Set<Long> breached = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    public Wallboard(PanelContext ctx) {
        this.ctx = ctx;
    }

    public Map<String, Object> snapshot() {
        Instant now = ctx.clock().instant();
        CallBoard.Snapshot calls = ctx.ports().callBoard().snapshot();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", now);
        out.put("today", java.time.LocalDate.ofInstant(now, ctx.policy().zone()));
        out.put("callsWaiting", calls.callsWaiting());
        out.put("longestWaitSeconds", calls.longestWait().toSeconds());
        out.put("offered", calls.offered());
        out.put("answered", calls.answered());
        out.put("abandoned", calls.abandoned());
        out.put("forwarded", calls.forwarded());

        List<Presence> presence = ctx.ports().presence().all();
        Map<String, Long> byState = new LinkedHashMap<>();
        for (AgentState s : AgentState.values()) {
            byState.put(TicketView.wire(s), presence.stream().filter(p -> p.state() == s).count());
        }
        out.put("agentsByState", byState);
        out.put("agents", presence.stream().sorted(java.util.Comparator.comparing(Presence::agentId))
                .map(p -> Map.of("agent", p.agentId(), "state", TicketView.wire(p.state()),
                        "reason", p.reason() == null ? "" : p.reason(), "since", p.since()))
                .toList());

        List<Ticket> overdue = ctx.ports().tickets().dueBefore(now, 50, BOARD);
        Set<Long> overdueIds = new java.util.HashSet<>();
        overdue.forEach(t -> overdueIds.add(t.id()));
        List<Ticket> atRisk = ctx.ports().tickets()
                .dueBefore(now.plus(ctx.policy().atRiskMargin()), 100, BOARD).stream()
                .filter(t -> !overdueIds.contains(t.id())).limit(50).toList();
        for (Ticket t : overdue) {
            if (breached.add(t.id())) {
                ctx.metrics().deadlineBreached(t.kind() == null ? "unknown" : TicketView.wire(t.kind()));
            }
        }
        synchronized (breached) {
            while (breached.size() > 10_000) {
                breached.remove(breached.iterator().next());
            }
        }
        out.put("overdue", overdue.stream().map(Wallboard::line).toList());
        out.put("atRisk", atRisk.stream().map(Wallboard::line).toList());
        return out;
    }

    private static Map<String, Object> line(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("kind", TicketView.wire(t.kind()));
        m.put("urgency", TicketView.wire(t.urgency()));
        m.put("status", TicketView.wire(t.status()));
        m.put("owner", t.owner());
        m.put("dueAt", t.earliestDeadline().orElse(null));
        return m;
    }
}
