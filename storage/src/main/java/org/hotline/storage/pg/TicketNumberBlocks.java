package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket numbers reserved ahead, in blocks, from the same per-year PostgreSQL sequence the intake
 * uses ({@code next_ticket_number(year)}): a call is told its number and the dialplan gets it
 * without waiting for the ticket's write. {@link #take} never waits on the database: it hands out
 * a reserved number or, when none is left (the database was down for a whole block), nothing,
 * and the caller then waits for the write as before. A background thread reserves the next block
 * when fewer than half of one are left. Numbers reserved but never used (the service stopped)
 * leave gaps, as a sequence's numbers always may; no number is handed out twice, across instances
 * too. Thread-safe.
 */
public final class TicketNumberBlocks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketNumberBlocks.class);
    private static final String RESERVE = "SELECT next_ticket_number(?) FROM generate_series(1, ?)";

    private final PgTransaction tx;
    private final ZoneId zone;
    private final Clock clock;
    private final int blockSize;
    private final ArrayDeque<String> reserved = new ArrayDeque<>();
    private int reservedYear;
    private final AtomicBoolean refilling = new AtomicBoolean();
    private final ExecutorService refill = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hotline-ticket-numbers");
        t.setDaemon(true);
        return t;
    });

    public TicketNumberBlocks(DataSource dataSource, ZoneId zone, Clock clock, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block of ticket numbers holds at least one, got " + blockSize);
        }
        this.tx = new PgTransaction(dataSource);
        this.zone = zone;
        this.clock = clock;
        this.blockSize = blockSize;
    }

    /** A reserved number for a call arriving {@code at}; never waits on the database. */
    public Optional<String> take(Instant at) {
        int year = at.atZone(zone).getYear();
        String number;
        int left;
        synchronized (reserved) {
            if (year != reservedYear) {
                reserved.clear(); // a new year starts its own sequence
            }
            number = reserved.poll();
            left = reserved.size();
        }
        if (left < blockSize / 2 || year != reservedYear) {
            refillSoon();
        }
        return Optional.ofNullable(number);
    }

    /** Reserves a block now (at start, so the first calls need not wait); false when the database is down. */
    public boolean fill() {
        try {
            reserveBlock();
            return true;
        } catch (RuntimeException e) {
            log.warn("could not reserve ticket numbers ({}); calls wait for their ticket's write until it can",
                    e.getMessage());
            return false;
        }
    }

    private void refillSoon() {
        if (refilling.compareAndSet(false, true)) {
            try {
                refill.execute(() -> {
                    try {
                        fill();
                    } finally {
                        refilling.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                refilling.set(false);
            }
        }
    }

    private void reserveBlock() {
        int year = clock.instant().atZone(zone).getYear();
        ArrayDeque<String> block = tx.inTransaction("reserve " + blockSize + " ticket numbers", c -> {
            ArrayDeque<String> out = new ArrayDeque<>();
            try (PreparedStatement ps = c.prepareStatement(RESERVE)) {
                ps.setInt(1, year);
                ps.setInt(2, blockSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(format(year, rs.getLong(1)));
                    }
                }
            }
            return out;
        });
        synchronized (reserved) {
            if (year != reservedYear) {
                reserved.clear();
                reservedYear = year;
            }
            reserved.addAll(block);
        }
    }

    /** As the intake formats it: {@code HL-2026-000123}, at least six digits. */
    static String format(int year, long n) {
        return String.format("HL-%d-%06d", year, n);
    }

    /** Numbers in hand (for tests and health). */
    public int available() {
        synchronized (reserved) {
            return reserved.size();
        }
    }

    @Override
    public void close() {
        refill.shutdownNow();
    }
}
