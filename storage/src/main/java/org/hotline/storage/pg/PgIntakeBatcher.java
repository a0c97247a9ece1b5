package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.Ticket;

/**
 * Group commit for ticket intake: calls arriving together are written by one statement and one
 * commit, so the cost of a transaction (round trip, WAL flush) is shared when the hotline is busy,
 * and a lone call is written at once.
 *
 * <p>Leader/follower, no extra thread: a caller that finds fewer than {@code maxWriters}
 * statements in flight becomes a writer and drains the waiting intakes (at most
 * {@code maxBatch}); the others wait for their ticket. Each intake returns only after the commit
 * that holds its ticket and opening event. A batch is sorted by linkedid (a global lock order) and
 * retried on deadlock or serialization failure; any other failure fails every intake of the batch
 * with the same exception (the spool takes over on {@code StoreUnavailableException}).
 * Thread-safe.
 */
final class PgIntakeBatcher {

    private static final int RETRIES = 5;

    private static final String SQL = """
            WITH input AS (
              SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int[],
                                   ?::text[])
                     AS i(line, caller_number, caller_name, uniqueid, linkedid, at, year, number)
            ), ins AS (
              INSERT INTO tickets (number, line, urgency, status, caller_number, caller_name, uniqueid, linkedid,
                                   version, created_at, updated_at)
              -- a number reserved ahead (TicketNumberBlocks) is kept; otherwise the next of the year's sequence
              SELECT coalesce(i.number, (SELECT 'HL-' || i.year || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
                                           FROM next_ticket_number(i.year) AS n)),
                     i.line, 'NORMAL', 'ACCEPTED', i.caller_number, i.caller_name, i.uniqueid, i.linkedid, 0, i.at, i.at
                FROM input i
              ON CONFLICT (linkedid) DO NOTHING
              RETURNING *
            ), ev AS (
              INSERT INTO ticket_events (ticket_id, seq, at, actor, actor_role, action, from_state, to_state, data)
              SELECT id, 1, created_at, 'ivr', 'SYSTEM', 'opened', NULL, 'ACCEPTED',
                     jsonb_build_object('line', line, 'uniqueid', uniqueid)
                FROM ins
            ), fa AS (
              -- the reports' facts of a ticket just opened (TicketFacts.opened): offered, nothing else yet
              INSERT INTO ticket_facts (ticket_id, line, caller_number, offered_at)
              SELECT id, line, caller_number, created_at FROM ins
            ), cl AS (
              INSERT INTO callers (number, first_name, first_seen)
              SELECT DISTINCT ON (caller_number) caller_number, caller_name, created_at FROM ins
               WHERE caller_number IS NOT NULL AND caller_number <> ''
               ORDER BY caller_number, created_at
              ON CONFLICT (number) DO NOTHING
            )
            SELECT %s, NULL::text AS deadlines FROM ins t
            """.formatted(TicketRows.ROW_COLUMNS);

    private static final String EXISTING = "SELECT " + TicketRows.COLUMNS + " FROM tickets t WHERE t.linkedid = ANY (?)";

    /** One intake waiting for its commit; {@code intake} is already cleaned by {@link TextRule}. */
    private record Pending(CallIntake intake, int year, CompletableFuture<Ticket> result) {}

    private final PgTransaction tx;
    private final ZoneId zone;
    private final int maxWriters;
    private final int maxBatch;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int writers;

    PgIntakeBatcher(DataSource dataSource, ZoneId zone, int maxWriters, int maxBatch) {
        this.tx = new PgTransaction(dataSource);
        this.zone = zone;
        this.maxWriters = maxWriters;
        this.maxBatch = maxBatch;
    }

    /** Writes the intake (or finds the ticket of its linkedid) and returns the committed ticket. */
    Ticket open(CallIntake clean) {
        Pending mine = new Pending(clean, clean.at().atZone(zone).getYear(), new CompletableFuture<>());
        boolean write;
        synchronized (waiting) {
            waiting.add(mine);
            write = writers < maxWriters;
            if (write) {
                writers++;
            }
        }
        if (write) {
            writeWhileWaiting();
        }
        try {
            return mine.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the ticket of call " + clean.linkedid(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void writeWhileWaiting() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            synchronized (waiting) {
                while (batch.size() < maxBatch && !waiting.isEmpty()) {
                    batch.add(waiting.poll());
                }
                if (batch.isEmpty()) {
                    writers--;
                    return;
                }
            }
            write(batch);
        }
    }

    private void write(List<Pending> batch) {
        batch.sort(Comparator.comparing(p -> p.intake().linkedid()));
        try {
            Map<String, Ticket> byLinkedid = writeWithRetry(batch);
            for (Pending p : batch) {
                Ticket t = byLinkedid.get(p.intake().linkedid());
                if (t == null) {
                    p.result().completeExceptionally(new IllegalStateException(
                            "ticket for call " + p.intake().linkedid() + " vanished after intake"));
                } else {
                    p.result().complete(t);
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    private Map<String, Ticket> writeWithRetry(List<Pending> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.inTransaction("open tickets for " + batch.size() + " calls", c -> insert(c, batch));
            } catch (IllegalStateException e) {
                if (attempt < RETRIES && e.getCause() instanceof SQLException s
                        && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static Map<String, Ticket> insert(Connection c, List<Pending> batch) throws SQLException {
        int n = batch.size();
        String[] lines = new String[n];
        String[] numbers = new String[n];
        String[] names = new String[n];
        String[] uniqueids = new String[n];
        String[] linkedids = new String[n];
        Timestamp[] ats = new Timestamp[n];
        Integer[] years = new Integer[n];
        String[] reserved = new String[n];
        for (int i = 0; i < n; i++) {
            CallIntake in = batch.get(i).intake();
            lines[i] = in.line();
            numbers[i] = in.callerNumber();
            names[i] = in.callerName();
            uniqueids[i] = in.uniqueid();
            linkedids[i] = in.linkedid();
            ats[i] = TicketRows.timestamp(in.at());
            years[i] = batch.get(i).year();
            reserved[i] = in.number();
        }
        Map<String, Ticket> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setArray(1, c.createArrayOf("text", lines));
            ps.setArray(2, c.createArrayOf("text", numbers));
            ps.setArray(3, c.createArrayOf("text", names));
            ps.setArray(4, c.createArrayOf("text", uniqueids));
            ps.setArray(5, c.createArrayOf("text", linkedids));
            ps.setArray(6, c.createArrayOf("timestamptz", ats));
            ps.setArray(7, c.createArrayOf("int4", years));
            ps.setArray(8, c.createArrayOf("text", reserved));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Ticket t = TicketRows.ticket(rs);
                    out.put(t.linkedid(), t);
                }
            }
        }
        if (out.size() < n) {
            List<String> missing = new ArrayList<>();
            for (String l : linkedids) {
                if (!out.containsKey(l)) {
                    missing.add(l);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(EXISTING)) {
                ps.setArray(1, c.createArrayOf("text", missing.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Ticket t = TicketRows.ticket(rs);
                        out.put(t.linkedid(), t);
                    }
                }
            }
        }
        return out;
    }
}
