package org.hotline.domain.notify;

import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;

/**
 * Tells the senior managers the moment a ticket is escalated, whoever made the change (an agent
 * re-dispatching in the panel, the satisfaction call-back re-dispatching on a low score): an
 * action after which the ticket is escalated and was not before. The notice's key makes a
 * repeat impossible. Thread-safe if the delegate is.
 */
public final class EscalationNoticeTicketStore extends ForwardingTicketStore {
    private final Notices notices;

    public EscalationNoticeTicketStore(TicketStore delegate, Notices notices) {
        super(delegate);
        this.notices = notices;
    }

    @Override
    public Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        boolean before = delegate().find(id).map(Ticket::escalated).orElse(false);
        Ticket after = delegate().apply(id, expectedVersion, actor, action);
        if (after.escalated() && !before) {
            notices.escalated(after, "dispatch " + after.dispatchCount() + " after the caller was not satisfied");
        }
        return after;
    }
}
