package org.hotline.panel.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.notify.Alert;
import org.hotline.domain.notify.AlertStore;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.QueuedTicket;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.survey.FailedCallbacks;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;

/**
 * The items a shift hands over, counted in full (no cap):
 * <ul>
 *   <li>open tickets owned by the shift's people on the shift's lines;</li>
 *   <li>pending call-backs of those lines: tickets waiting in their queues for someone to call
 *       the caller back, and satisfaction call-backs that failed and must be made by hand;</li>
 *   <li>unacknowledged alerts about tickets of those lines, or about no ticket and raised for
 *       the shift's people.</li>
 * </ul>
 * A ticket that is both open and a pending call-back counts once in {@link #total()}; alerts
 * are items of their own. Only what {@code viewer} may see is counted.
 */
record ShiftItems(int openTickets, int pendingCallbacks, int unacknowledgedAlerts, int total) {

    private static final int PAGE = 500;

    /** The ports the count reads. */
    record Sources(TicketStore tickets, DispatchQueue queue, FailedCallbacks callbacks, AlertStore alerts) {}

    static ShiftItems count(Sources in, Collection<String> people, Collection<String> lines, Actor viewer) {
        Set<Long> open = new LinkedHashSet<>();
        for (String person : people) {
            for (String line : lines) {
                TicketQuery q = TicketQuery.open(PAGE).withOwner(person).withLine(line);
                for (List<Ticket> page = in.tickets().search(q, viewer); !page.isEmpty();
                        page = page.size() < PAGE ? List.of()
                                : in.tickets().search(q.withBefore(TicketQuery.Cursor.of(page.get(page.size() - 1))), viewer)) {
                    page.forEach(t -> open.add(t.id()));
                }
            }
        }
        Set<Long> callbacks = new LinkedHashSet<>();
        for (String line : lines) {
            int size = (int) Math.min(Integer.MAX_VALUE, in.queue().size(line));
            for (QueuedTicket qt : in.queue().peek(line, size)) {
                if (in.tickets().find(qt.ticketId(), viewer).isPresent()) {
                    callbacks.add(qt.ticketId());
                }
            }
        }
        for (SurveyCall c : in.callbacks().failed(Integer.MAX_VALUE)) {
            if (in.tickets().find(c.ticketId(), viewer).filter(t -> lines.contains(t.line())).isPresent()) {
                callbacks.add(c.ticketId());
            }
        }
        int alerts = 0;
        long before = 0;
        for (List<Alert> page = in.alerts().recent(true, PAGE, 0); !page.isEmpty();
                page = page.size() < PAGE ? List.of() : in.alerts().recent(true, PAGE, before)) {
            for (Alert a : page) {
                before = a.id();
                if (concernsShift(a, in.tickets(), people, lines, viewer)) {
                    alerts++;
                }
            }
        }
        Set<Long> tickets = new LinkedHashSet<>(open);
        tickets.addAll(callbacks);
        return new ShiftItems(open.size(), callbacks.size(), alerts, tickets.size() + alerts);
    }

    private static boolean concernsShift(Alert a, TicketStore tickets, Collection<String> people,
            Collection<String> lines, Actor viewer) {
        if (a.ticketId() == 0) {
            return a.recipients().stream().anyMatch(people::contains);
        }
        Optional<Ticket> t = tickets.find(a.ticketId(), viewer);
        return t.isPresent() && lines.contains(t.get().line());
    }
}
