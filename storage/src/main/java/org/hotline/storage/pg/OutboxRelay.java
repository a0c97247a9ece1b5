package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.store.TicketStore;

/**
 * Drains the transactional {@code outbox}: for every ticket whose change was recorded there, puts
 * it in its line's dispatch queue when it {@linkplain Ticket#awaitsAgent() awaits an agent} and
 * takes it out otherwise, and publishes a {@code "ticket"} event on the line's board stream
 * ({@link EventStream#boardKey}) with the ticket's id, number, line, status, urgency, owner and
 * version, never caller data (boards refetch through the role-checked API). Rows are locked with {@code SKIP LOCKED} and deleted in the same
 * transaction only after Redis accepted the change, so a Redis outage delays the queue but loses
 * nothing. Thread-safe; several relays may run at once.
 */
public final class OutboxRelay {

    private final PgTransaction tx;
    private final TicketStore tickets;
    private final DispatchQueue queue;
    private final EventStream events;

    public OutboxRelay(DataSource dataSource, TicketStore tickets, DispatchQueue queue, EventStream events) {
        this.tx = new PgTransaction(dataSource);
        this.tickets = tickets;
        this.queue = queue;
        this.events = events;
    }

    /** Processes up to {@code max} outbox rows; returns how many. */
    public int drain(int max) {
        return tx.inTransaction("drain the outbox", c -> {
            List<Long> rowIds = new ArrayList<>();
            Set<Long> ticketIds = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, ticket_id FROM outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setInt(1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rowIds.add(rs.getLong(1));
                        ticketIds.add(rs.getLong(2));
                    }
                }
            }
            Map<Long, Ticket> found = new HashMap<>();
            if (!ticketIds.isEmpty()) {
                for (Ticket t : tickets.findAll(List.copyOf(ticketIds))) {
                    found.put(t.id(), t);
                }
            }
            for (long id : ticketIds) {
                Ticket t = found.get(id);
                if (t != null && t.awaitsAgent()) {
                    queue.enqueue(t);
                } else {
                    queue.remove(id);
                }
                if (t != null) {
                    events.publish(EventStream.boardKey(t.line()), boardEvent(t));
                }
            }
            if (!rowIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", rowIds.toArray()));
                    ps.executeUpdate();
                }
            }
            return rowIds.size();
        });
    }

    static Map<String, String> boardEvent(Ticket t) {
        Map<String, String> e = new HashMap<>();
        e.put("type", "ticket");
        e.put("id", Long.toString(t.id()));
        e.put("number", t.number());
        e.put("line", t.line());
        e.put("status", t.status().name());
        e.put("urgency", t.urgency().name());
        e.put("version", Long.toString(t.version()));
        e.put("awaitsAgent", Boolean.toString(t.awaitsAgent()));
        if (t.owner() != null) {
            e.put("owner", t.owner());
        }
        return e;
    }

    private static final int BATCH = 200;

    /** Drains until the outbox is empty; returns how many rows. */
    public int drainAll() {
        int total = 0;
        int n;
        do {
            n = drain(BATCH);
            total += n;
        } while (n == BATCH); // a short batch emptied it: no extra transaction to find nothing
        return total;
    }
}
