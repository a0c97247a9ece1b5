package org.hotline.deadline;

import java.time.Instant;
import java.util.Map;
import org.hotline.ticket.ForwardingTicketStore;
import org.hotline.ticket.IntakeUpdate;
import org.hotline.ticket.RequestKind;
import org.hotline.ticket.Ticket;
import org.hotline.ticket.TicketStore;

/**
 * A {@link TicketStore} that gives every ticket the deadlines of its policy the moment its kind
 * of request is known (the caller picked it in the IVR menu, or an agent set it in the panel),
 * counted from the ticket's acceptance. Whoever sets the kind needs no knowledge of calendars
 * or policies; an update that brings its own deadlines is passed through untouched.
 *
 * <p>Thread-safe if the delegate is; owns nothing.
 */
public final class DeadlineAssigningTicketStore extends ForwardingTicketStore {
    private final PolicyDeadlines deadlines;

    public DeadlineAssigningTicketStore(TicketStore delegate, PolicyDeadlines deadlines) {
        super(delegate);
        this.deadlines = deadlines;
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        Ticket updated = delegate().updateIntake(id, update);
        RequestKind kind = update.kind();
        if (kind == null || update.deadlines() != null) {
            return updated;
        }
        Map<String, Instant> owed = deadlines.forTicket(updated.line(), kind, updated.createdAt());
        if (owed.isEmpty() || updated.deadlines().equals(owed)) {
            return updated;
        }
        return delegate().updateIntake(updated.id(), IntakeUpdate.none().withDeadlines(owed));
    }
}
