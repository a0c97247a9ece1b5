package org.hotline.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.ticket.Actor;
import org.hotline.ticket.CallIntake;
import org.hotline.ticket.CallOutcome;
import org.hotline.ticket.CallerHistory;
import org.hotline.ticket.HistoryEvent;
import org.hotline.ticket.IntakeUpdate;
import org.hotline.ticket.RequestKind;
import org.hotline.ticket.Ticket;
import org.hotline.ticket.TicketAction;
import org.hotline.ticket.TicketQuery;
import org.hotline.ticket.TicketStore;

/**
 * A {@link TicketStore} that gives every ticket the deadlines of its policy the moment its kind
 * of request is known (the caller picked it in the IVR menu, or an agent set it in the panel),
 * counted from the ticket's acceptance. Whoever sets the kind needs no knowledge of calendars
 * or policies; an update that brings its own deadlines is passed through untouched.
 *
 * <p>Thread-safe if the delegate is; owns nothing.
 */
public final class DeadlineAssigningTicketStore implements TicketStore {
    private final TicketStore delegate;
    private final PolicyDeadlines deadlines;

    public DeadlineAssigningTicketStore(TicketStore delegate, PolicyDeadlines deadlines) {
        this.delegate = delegate;
        this.deadlines = deadlines;
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        Ticket updated = delegate.updateIntake(id, update);
        RequestKind kind = update.kind();
        if (kind == null || update.deadlines() != null) {
            return updated;
        }
        Map<String, Instant> owed = deadlines.forTicket(updated.line(), kind, updated.createdAt());
        if (owed.isEmpty() || updated.deadlines().equals(owed)) {
            return updated;
        }
        return delegate.updateIntake(updated.id(), IntakeUpdate.none().withDeadlines(owed));
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        return delegate.openForCall(intake);
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
    public CallerHistory callerHistory(String number, Duration repeatWindow, RequestKind kind, long currentTicketId) {
        return delegate.callerHistory(number, repeatWindow, kind, currentTicketId);
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
