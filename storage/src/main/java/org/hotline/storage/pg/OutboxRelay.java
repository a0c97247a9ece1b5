package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.hotline.ticket.DispatchQueue;
import org.hotline.ticket.Ticket;
import org.hotline.ticket.TicketStore;

/**
 * Drains the transactional {@code outbox}: for every ticket whose change was recorded there, puts
 * it in its line's dispatch queue when it {@linkplain Ticket#awaitsAgent() awaits an agent} and
 * takes it out otherwise. Rows are locked with {@code SKIP LOCKED} and deleted in the same
 * transaction only after Redis accepted the change, so a Redis outage delays the queue but loses
 * nothing. Thread-safe; several relays may run at once.
 */
public final class OutboxRelay {

    private final PgTransaction tx;
    private final TicketStore tickets;
    private final DispatchQueue queue;

    public OutboxRelay(DataSource dataSource, TicketStore tickets, DispatchQueue queue) {
        this.tx = new PgTransaction(dataSource);
        this.tickets = tickets;
        this.queue = queue;
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
            for (long id : ticketIds) {
                Ticket t = tickets.find(id).orElse(null);
                if (t != null && t.awaitsAgent()) {
                    queue.enqueue(t);
                } else {
                    queue.remove(id);
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

    /** Drains until the outbox is empty; returns how many rows. */
    public int drainAll() {
        int total = 0;
        int n;
        while ((n = drain(200)) > 0) {
            total += n;
        }
        return total;
    }
}
