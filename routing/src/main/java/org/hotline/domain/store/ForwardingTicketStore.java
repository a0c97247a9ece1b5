package org.hotline.domain.store;

import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TicketStore} that hands every call to another one: the base of decorators that add
 * one concern (deadlines, call counters) by overriding only the methods they care about.
 * Thread-safe if the delegate is; owns nothing.
 */
public abstract class ForwardingTicketStore implements TicketStore {
    private final TicketStore delegate;

    protected ForwardingTicketStore(TicketStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store this one forwards to. */
    protected final TicketStore delegate() {
        return delegate;
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        return delegate.openForCall(intake);
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        return delegate.updateIntake(id, update);
    }

    @Override
    public Ticket recordCallOutcome(long id, CallOutcome outcome) {
        return delegate.recordCallOutcome(id, outcome);
    }

    @Override
    public Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        return delegate.apply(id, expectedVersion, actor, action);
    }

    @Override
    public Optional<Ticket> find(long id) {
        return delegate.find(id);
    }

    @Override
    public Optional<Ticket> find(long id, Actor viewer) {
        return delegate.find(id, viewer);
    }

    @Override
    public List<Ticket> findAll(List<Long> ids) {
        return delegate.findAll(ids);
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return delegate.findByNumber(number);
    }

    @Override
    public Optional<Ticket> findByLinkedid(String linkedid) {
        return delegate.findByLinkedid(linkedid);
    }

    @Override
    public List<HistoryEvent> history(long id) {
        return delegate.history(id);
    }

    @Override
    public CallerHistory callerHistory(String number, long currentTicketId, Actor viewer) {
        return delegate.callerHistory(number, currentTicketId, viewer);
    }

    @Override
    public List<Ticket> search(TicketQuery query, Actor viewer) {
        return delegate.search(query, viewer);
    }

    @Override
    public List<Ticket> dueBefore(Instant before, int limit, Actor viewer) {
        return delegate.dueBefore(before, limit, viewer);
    }

    @Override
    public List<Ticket> forwardedTo(String personId, Instant since, Actor viewer) {
        return delegate.forwardedTo(personId, since, viewer);
    }
}
