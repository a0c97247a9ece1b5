package org.hotline.ivr.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;

/**
 * An in-memory {@link TicketStore} for the flow tests: opens tickets idempotently by linkedid,
 * applies intake updates, and keeps every outcome in order. The methods the IVR never calls
 * refuse loudly. Thread-safe.
 */
final class FakeTicketStore implements TicketStore {
    private final Clock clock;
    private final Map<Long, Ticket> tickets = new HashMap<>();
    private final Map<Long, List<CallOutcome>> outcomes = new HashMap<>();
    private long nextId = 1;
    volatile Duration openDelay = Duration.ZERO;

    FakeTicketStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        sleep(openDelay);
        synchronized (this) {
            for (Ticket ticket : tickets.values()) {
                if (ticket.linkedid().equals(intake.linkedid())) {
                    return ticket;
                }
            }
            long id = nextId++;
            Instant now = clock.instant();
            Ticket ticket = new Ticket.Builder().id(id).number(String.format("HL-2026-%06d", id)).line(intake.line())
                    .callerNumber(intake.callerNumber()).callerName(intake.callerName()).uniqueid(intake.uniqueid())
                    .linkedid(intake.linkedid()).createdAt(now).updatedAt(now).build();
            tickets.put(id, ticket);
            outcomes.put(id, new ArrayList<>());
            return ticket;
        }
    }

    @Override
    public synchronized Ticket updateIntake(long id, IntakeUpdate update) {
        Ticket updated = update.applyTo(ticket(id));
        tickets.put(id, updated);
        return updated;
    }

    @Override
    public synchronized Ticket recordCallOutcome(long id, CallOutcome outcome) {
        outcomes.get(id).add(outcome);
        return ticket(id);
    }

    synchronized Ticket only() {
        if (tickets.size() != 1) {
            throw new AssertionError("expected one ticket, have " + tickets.values());
        }
        return tickets.values().iterator().next();
    }

    synchronized List<CallOutcome> outcomes(long id) {
        return List.copyOf(outcomes.get(id));
    }

    synchronized int count() {
        return tickets.size();
    }

    private Ticket ticket(long id) {
        Ticket ticket = tickets.get(id);
        if (ticket == null) {
            throw new IllegalArgumentException("no ticket " + id);
        }
        return ticket;
    }

    private static void sleep(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Actions applied, in order; {@link #refuse} makes the next ones refused. */
    final List<Map.Entry<Actor, TicketAction>> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile String refuse;

    @Override
    public synchronized Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        if (refuse != null) {
            throw new org.hotline.domain.ticket.TransitionRefusedException(refuse);
        }
        applied.add(Map.entry(actor, action));
        return ticket(id);
    }

    @Override
    public synchronized Optional<Ticket> find(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public synchronized Optional<Ticket> findByNumber(String number) {
        return tickets.values().stream().filter(t -> t.number().equals(number)).findFirst();
    }

    @Override
    public synchronized Optional<Ticket> findByLinkedid(String linkedid) {
        return tickets.values().stream().filter(t -> t.linkedid().equals(linkedid)).findFirst();
    }

    @Override
    public List<HistoryEvent> history(long id) {
        throw new UnsupportedOperationException("not used by the IVR");
    }

    @Override
    public CallerHistory callerHistory(String number, Duration repeatWindow, RequestKind kind, long currentTicketId) {
        throw new UnsupportedOperationException("not used by the IVR");
    }

    @Override
    public List<Ticket> search(TicketQuery query, Actor viewer) {
        throw new UnsupportedOperationException("not used by the IVR");
    }

    @Override
    public List<Ticket> dueBefore(Instant before, int limit, Actor viewer) {
        throw new UnsupportedOperationException("not used by the IVR");
    }

    @Override
    public List<Ticket> forwardedTo(String personId, Instant since, Actor viewer) {
        throw new UnsupportedOperationException("not used by the IVR");
    }
}
