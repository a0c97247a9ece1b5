package org.hotline.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketLifecycle;
import org.hotline.domain.ticket.TransitionRefusedException;

/** A ticket store of tickets put in by the test, run through the real lifecycle; no intake. */
public final class InMemoryTickets implements TicketStore {
    private final Map<Long, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<Long, List<HistoryEvent>> history = new ConcurrentHashMap<>();
    private final TicketLifecycle lifecycle = new TicketLifecycle();
    private final Clock clock;

    public InMemoryTickets(Clock clock) {
        this.clock = clock;
    }

    /** Adds {@code t} with an empty history. */
    public Ticket put(Ticket t) {
        return put(t, null);
    }

    /** Adds {@code t}, with a "resolve" entry at {@code resolvedAt} when that is given. */
    public Ticket put(Ticket t, Instant resolvedAt) {
        tickets.put(t.id(), t);
        List<HistoryEvent> h = new ArrayList<>();
        if (resolvedAt != null) {
            h.add(new HistoryEvent(t.id(), 1, resolvedAt, "alice", org.hotline.domain.ticket.Role.AGENT, "resolve",
                    t.status(), t.status(), "done", Map.of()));
        }
        history.put(t.id(), h);
        return t;
    }

    @Override
    public synchronized Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        Ticket t = tickets.get(id);
        if (t.version() != expectedVersion) {
            throw new VersionConflictException(id, t.number(), expectedVersion, t.version());
        }
        TicketLifecycle.Decision d = lifecycle.decide(t, actor, action, clock.instant());
        if (d instanceof TicketLifecycle.Refused r) {
            throw new TransitionRefusedException(r.reason());
        }
        TicketLifecycle.Applied a = (TicketLifecycle.Applied) d;
        Ticket after = a.after().toBuilder().version(t.version() + 1).build();
        tickets.put(id, after);
        List<HistoryEvent> h = history.get(id);
        h.add(new HistoryEvent(id, h.size() + 1, clock.instant(), actor.id(), actor.role(), a.action(), a.from(), a.to(),
                a.note(), a.data()));
        return after;
    }

    @Override
    public Optional<Ticket> find(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public List<HistoryEvent> history(long id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public List<Ticket> search(TicketQuery query, Actor viewer) {
        return tickets.values().stream().filter(t -> query.statuses().isEmpty() || query.statuses().contains(t.status()))
                .limit(query.limit()).toList();
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        throw new UnsupportedOperationException("not used by the call-back");
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        throw new UnsupportedOperationException("not used by the call-back");
    }

    @Override
    public Ticket recordCallOutcome(long id, CallOutcome outcome) {
        throw new UnsupportedOperationException("not used by the call-back");
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return tickets.values().stream().filter(t -> t.number().equals(number)).findFirst();
    }

    @Override
    public Optional<Ticket> findByLinkedid(String linkedid) {
        return Optional.empty();
    }

    @Override
    public CallerHistory callerHistory(String number, Duration repeatWindow, org.hotline.domain.ticket.RequestKind kind,
            long currentTicketId) {
        throw new UnsupportedOperationException("not used by the call-back");
    }

    @Override
    public List<Ticket> dueBefore(Instant before, int limit, Actor viewer) {
        return List.of();
    }

    @Override
    public List<Ticket> forwardedTo(String personId, Instant since, Actor viewer) {
        return List.of();
    }
}
