package org.hotline.panel.api;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.QueuedTicket;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;

/**
 * The items a shift hands over, counted in full (no cap): the open tickets owned by the shift's
 * people on the shift's lines, the call-backs waiting in those lines' queues, and the deadline
 * alerts still standing (open tickets of those lines past a deadline, whoever owns them). A
 * ticket that is both (an overdue ticket of the shift's people) counts once in {@link #total()}.
 * Only tickets {@code viewer} may see are counted.
 */
record ShiftItems(int openTickets, int pendingCallbacks, int overdue, int total) {

    private static final int PAGE = 500;

    static ShiftItems count(TicketStore tickets, DispatchQueue queue, Collection<String> people, Collection<String> lines,
                            Instant now, Actor viewer) {
        Set<Long> open = new LinkedHashSet<>();
        for (String person : people) {
            for (String line : lines) {
                TicketQuery q = TicketQuery.open(PAGE).withOwner(person).withLine(line);
                for (List<Ticket> page = tickets.search(q, viewer); !page.isEmpty();
                        page = page.size() < PAGE ? List.of()
                                : tickets.search(q.withBefore(TicketQuery.Cursor.of(page.get(page.size() - 1))), viewer)) {
                    page.forEach(t -> open.add(t.id()));
                }
            }
        }
        Set<Long> waiting = new LinkedHashSet<>();
        for (String line : lines) {
            int size = (int) Math.min(Integer.MAX_VALUE, queue.size(line));
            for (QueuedTicket qt : queue.peek(line, size)) {
                if (tickets.find(qt.ticketId(), viewer).isPresent()) {
                    waiting.add(qt.ticketId());
                }
            }
        }
        Set<Long> overdue = new LinkedHashSet<>();
        for (Ticket t : tickets.dueBefore(now, Integer.MAX_VALUE, viewer)) {
            if (lines.contains(t.line())) {
                overdue.add(t.id());
            }
        }
        Set<Long> all = new LinkedHashSet<>(open);
        all.addAll(waiting);
        all.addAll(overdue);
        return new ShiftItems(open.size(), waiting.size(), overdue.size(), all.size());
    }
}
