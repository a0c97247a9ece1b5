package org.hotline.domain.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.store.RecentMap;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.store.TicketStore;

/**
 * A {@link TicketStore} that gives every ticket the deadlines of its policy the moment its kind
 * of request is known (the caller picked it in the IVR menu, or an agent set it in the panel),
 * counted from the ticket's acceptance. Whoever sets the kind needs no knowledge of calendars
 * or policies; an update that brings its own deadlines is passed through untouched.
 *
 * <p>Thread-safe if the delegate is; owns nothing but a bounded memory of recent tickets' line
 * and acceptance.
 */
public final class DeadlineAssigningTicketStore extends ForwardingTicketStore {
    /** Most candidate tickets read for one {@link #dueBefore} call. */
    private static final int MAX_SCANNED = 20_000;
    /** Placements of the tickets opened or updated lately, so an intake update needs no read. */
    private static final int REMEMBERED = 20_000;
    private final PolicyDeadlines deadlines;
    private final RecentMap<Long, Placement> placements = new RecentMap<>(REMEMBERED);

    public DeadlineAssigningTicketStore(TicketStore delegate, PolicyDeadlines deadlines) {
        super(delegate);
        this.deadlines = deadlines;
    }

    /**
     * Open tickets that still owe a deadline before {@code before}: the store matches any
     * deadline, including those of steps already met (a resolved ticket's {@code resolve}), so
     * its answer is filtered by {@link PolicyDeadlines#owed}, asking it for more while too few
     * remain. Each ticket comes with only the deadlines it still owes, earliest first.
     */
    @Override
    public List<Ticket> dueBefore(Instant before, int limit, Actor viewer) {
        int asked = Math.max(limit, 1) * 4;
        while (true) {
            List<Ticket> candidates = delegate().dueBefore(before, asked, viewer);
            List<Ticket> owing = new ArrayList<>();
            for (Ticket ticket : candidates) {
                Map<String, Instant> owed = deadlines.owed(ticket);
                if (owed.values().stream().anyMatch(due -> due.isBefore(before))) {
                    owing.add(owed.equals(ticket.deadlines()) ? ticket : ticket.toBuilder().deadlines(owed).build());
                }
            }
            if (owing.size() >= limit || candidates.size() < asked || asked >= MAX_SCANNED) {
                owing.sort(Comparator.comparing((Ticket t) -> t.earliestDeadline().orElseThrow()).thenComparing(Ticket::id));
                return List.copyOf(owing.subList(0, Math.min(limit, owing.size())));
            }
            asked *= 4;
        }
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        return remember(delegate().openForCall(intake));
    }

    /**
     * Writes the update with the deadlines its kind owes in one change: they are counted from the
     * ticket's line and acceptance, which never change, known from its opening here (or read
     * once). A ticket not known here and not readable gets them in a second change, as before.
     */
    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        RequestKind kind = update.kind();
        if (kind == null || update.deadlines() != null) {
            return remember(delegate().updateIntake(id, update));
        }
        Placement at = placement(id);
        if (at != null) {
            Map<String, Instant> owed = deadlines.forTicket(at.line(), kind, at.accepted());
            return remember(delegate().updateIntake(id, owed.isEmpty() ? update : update.withDeadlines(owed)));
        }
        Ticket updated = remember(delegate().updateIntake(id, update));
        Map<String, Instant> owed = deadlines.forTicket(updated.line(), kind, updated.createdAt());
        if (owed.isEmpty() || updated.deadlines().equals(owed)) {
            return updated;
        }
        return delegate().updateIntake(updated.id(), IntakeUpdate.none().withDeadlines(owed));
    }

    /** A ticket's line and acceptance: what its deadlines are counted from. */
    private record Placement(String line, Instant accepted) {
    }

    private Placement placement(long id) {
        Placement p = placements.get(id);
        if (p != null) {
            return p;
        }
        try {
            return delegate().find(id).map(t -> new Placement(t.line(), t.createdAt())).orElse(null);
        } catch (RuntimeException unreadable) {
            return null; // the update itself reports what is wrong, as it did before
        }
    }

    private Ticket remember(Ticket t) {
        placements.put(t.id(), new Placement(t.line(), t.createdAt()));
        return t;
    }
}
