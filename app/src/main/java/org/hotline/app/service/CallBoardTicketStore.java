package org.hotline.app.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.panel.CallCounters;
import org.hotline.panel.PanelMetrics;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.store.TicketStore;

/**
 * Feeds the supervisors' wallboard from what the call flow writes on its ticket, so the board
 * counts exactly what the ticket store records: a ticket opened for a call is a call offered;
 * its outcomes move it through waiting, answered, forwarded, abandoned. The ticket id is the
 * call's key (stable for spooled, provisional tickets too); a retried intake (same linkedid)
 * is counted once. The kind chosen in the menu counts a ticket opened of that kind.
 *
 * <p>Thread-safe if the delegate is ({@link CallCounters} is).
 */
final class CallBoardTicketStore extends ForwardingTicketStore {
    /** Calls already counted (by linkedid): a retried intake returns the same ticket. */
    private final Set<String> offered = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_CALLS;
                }
            }));
    private static final int REMEMBERED_CALLS = 10_000;
    private final CallCounters board;
    private final PanelMetrics metrics;

    CallBoardTicketStore(TicketStore delegate, CallCounters board, PanelMetrics metrics) {
        super(delegate);
        this.board = board;
        this.metrics = metrics;
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        Ticket t = delegate().openForCall(intake);
        if (offered.add(t.linkedid() == null ? key(t.id()) : t.linkedid())) {
            board.offered(key(t.id()));
        }
        return t;
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        Ticket t = delegate().updateIntake(id, update);
        if (update.kind() != null) {
            metrics.ticketOpened(update.kind().configName());
        }
        return t;
    }

    @Override
    public Ticket recordCallOutcome(long id, CallOutcome outcome) {
        Ticket t = delegate().recordCallOutcome(id, outcome);
        String call = key(id);
        if (outcome instanceof CallOutcome.Queued) {
            board.queued(call);
        } else if (outcome instanceof CallOutcome.Answered) {
            board.answered(call);
        } else if (outcome instanceof CallOutcome.Forwarded) {
            board.forwarded(call);
        } else if (outcome instanceof CallOutcome.Abandoned) {
            board.abandoned(call);
        } else {
            board.left(call); // NoAnswer, Voicemail: out of the queue, not answered
        }
        return t;
    }

    private static String key(long ticketId) {
        return Long.toString(ticketId);
    }
}
