package org.hotline.storage.spool;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.store.RecentMap;
import org.hotline.domain.store.StoreUnavailableException;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's ticket store with the database off the caller's path: {@link #openForCall} takes a
 * ticket number reserved ahead ({@code numbers}), appends the intake to the {@link IntakeJournal}
 * (on disk, {@code fsync}ed with the calls arriving together) and returns at once a ticket with
 * that number and a local id (below {@link #LOCAL_IDS}); {@link #updateIntake} and
 * {@link #recordCallOutcome} on that id are journaled the same way. Their {@code Async} forms
 * hold no thread while the journal forces, so the IVR's dependency threads stay free for the
 * calls when fsyncs are slow (a busy disk, two cores shared with the database). Writers in the background
 * apply each record to the delegate (the whole store chain: deadlines, the call board, the
 * database with its outage spool), in journal order per call: a call always goes to the same
 * writer (by linkedid), and a writer retries a record while the database is unreachable before it
 * takes the next. {@link #recover()} hands over, at start, what a crashed process journaled but
 * had not written.
 *
 * <p>When no reserved number is left (the database was down for a whole block), the intake goes
 * to the delegate at once, as it did before: the caller then waits, but the call keeps its
 * ticket. When the journal cannot be written, the record goes to the delegate on the call's
 * writer, after what the call journaled before, and the caller waits for that write.
 * Everything but the IVR's three calls is forwarded.
 * Thread-safe.
 */
public final class WriteBehindTicketStore extends ForwardingTicketStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindTicketStore.class);
    /** Local ids are below this, far from the outage spool's provisional ids (-1, -2, ...). */
    public static final long LOCAL_IDS = -1_000_000_000L;
    private static final int REMEMBERED = 50_000;

    private final IntakeJournal journal;
    private final Function<java.time.Instant, Optional<String>> numbers;
    private final Clock clock;
    private final TicketLifecycle lifecycle = new TicketLifecycle();
    private final AtomicLong localIds = new AtomicLong(LOCAL_IDS);
    private final java.util.concurrent.ThreadPoolExecutor[] writers;
    private final RecentMap<Long, Ticket> local = new RecentMap<>(REMEMBERED);
    private final java.util.concurrent.ScheduledExecutorService forcer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hotline-intake-journal-force");
                t.setDaemon(true);
                return t;
            });
    /** The delegate's id of each call's ticket, by linkedid; touched only by the call's writer. */
    private final RecentMap<String, Long>[] written;

    @SuppressWarnings("unchecked")
    public WriteBehindTicketStore(TicketStore delegate, IntakeJournal journal,
                                  Function<java.time.Instant, Optional<String>> numbers, Clock clock, int writerCount) {
        super(delegate);
        this.journal = journal;
        this.numbers = numbers;
        this.clock = clock;
        this.writers = new java.util.concurrent.ThreadPoolExecutor[writerCount];
        this.written = new RecentMap[writerCount];
        for (int i = 0; i < writerCount; i++) {
            int n = i;
            writers[i] = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "hotline-intake-writer-" + n);
                        t.setDaemon(true);
                        return t;
                    });
            written[i] = new RecentMap<>(REMEMBERED);
        }
        forcer.scheduleWithFixedDelay(this::forceMarkers, 1, 1, TimeUnit.SECONDS);
    }

    /** Markers written unforced go to disk within a second even when no record comes to force them. */
    private void forceMarkers() {
        try {
            journal.flush();
        } catch (java.io.UncheckedIOException e) {
            log.warn("{}", e.getMessage());
        }
    }

    /** Queues the records a previous process journaled but had not written; returns how many. */
    public int recover() {
        List<IntakeJournal.Entry> entries = journal.recover();
        for (IntakeJournal.Entry e : entries) {
            submit(e.seq(), e.record());
        }
        return entries.size();
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        return join(openForCallAsync(intake));
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        return join(updateIntakeAsync(id, update));
    }

    @Override
    public Ticket recordCallOutcome(long id, CallOutcome outcome) {
        return join(recordCallOutcomeAsync(id, outcome));
    }

    /**
     * Completes once the intake is in the journal, with a ticket of the reserved number and a
     * local id; no thread waits for the {@code fsync}. Without a reserved number the delegate
     * writes it at once; if the journal cannot be written, the call's writer writes it (after
     * whatever the call journaled before).
     */
    @Override
    public CompletableFuture<Ticket> openForCallAsync(CallIntake intake) {
        Optional<String> number = intake.number() != null ? Optional.of(intake.number()) : numbers.apply(intake.at());
        if (number.isEmpty()) {
            return delegate().openForCallAsync(intake);
        }
        CallIntake reserved = intake.withNumber(number.get());
        SpoolRecord.Open record = new SpoolRecord.Open(reserved);
        Ticket t = new Ticket.Builder().id(localIds.decrementAndGet()).number(reserved.number()).line(reserved.line())
                .callerNumber(reserved.callerNumber()).callerName(reserved.callerName())
                .uniqueid(reserved.uniqueid()).linkedid(reserved.linkedid())
                .createdAt(reserved.at()).updatedAt(reserved.at()).build();
        return journaled(record, t, () -> delegate().openForCall(reserved));
    }

    @Override
    public CompletableFuture<Ticket> updateIntakeAsync(long id, IntakeUpdate update) {
        Optional<Ticket> known = localTicket(id);
        if (known.isEmpty()) {
            return delegate().updateIntakeAsync(id, update);
        }
        return journaled(new SpoolRecord.Update(known.get().linkedid(), update), update.applyTo(known.get()));
    }

    @Override
    public CompletableFuture<Ticket> recordCallOutcomeAsync(long id, CallOutcome outcome) {
        Optional<Ticket> known = localTicket(id);
        if (known.isEmpty()) {
            return delegate().recordCallOutcomeAsync(id, outcome);
        }
        return journaled(new SpoolRecord.Outcome(known.get().linkedid(), outcome),
                lifecycle.onCallOutcome(known.get(), outcome, clock.instant()).after());
    }

    /** A change of a ticket already opened here: its record, or the delegate's own write of it on the call's writer. */
    private CompletableFuture<Ticket> journaled(SpoolRecord record, Ticket after) {
        return journaled(record, after, () -> {
            apply(written[lane(record)], record);
            return after;
        });
    }

    /**
     * The ticket as the record leaves it, remembered at once (the call's next change builds on
     * it); the record journaled, then written behind. If the journal cannot be written, the call's
     * writer does {@code directly} in its turn and the result completes once it has.
     */
    private CompletableFuture<Ticket> journaled(SpoolRecord record, Ticket local,
                                                java.util.function.Supplier<Ticket> directly) {
        remember(local);
        CompletableFuture<Ticket> result = new CompletableFuture<>();
        journal.appendAsync(record).whenComplete((seq, failure) -> {
            if (failure == null) {
                submit(seq, record);
                result.complete(local);
                return;
            }
            log.error("{}", failure.getMessage());
            direct(record, result, directly);
        });
        return result;
    }

    /** On the call's writer, after what it journaled before: {@code write}, its result or failure to {@code result}. */
    private void direct(SpoolRecord record, CompletableFuture<Ticket> result, java.util.function.Supplier<Ticket> write) {
        try {
            writers[lane(record)].execute(() -> {
                try {
                    result.complete(write.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            result.completeExceptionally(new StoreUnavailableException("the service is stopping; call "
                    + record.linkedid() + " not recorded", stopping));
        }
    }

    private static Ticket join(CompletableFuture<Ticket> write) {
        try {
            return write.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public Optional<Ticket> find(long id) {
        return id <= LOCAL_IDS ? localTicket(id) : delegate().find(id);
    }

    /** Like {@link #find(long)}: tickets not written yet from here, the others in one read. */
    @Override
    public List<Ticket> findAll(List<Long> ids) {
        return ids.stream().allMatch(id -> id > LOCAL_IDS) ? delegate().findAll(ids)
                : ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private Optional<Ticket> localTicket(long id) {
        if (id > LOCAL_IDS) {
            return Optional.empty();
        }
        return Optional.ofNullable(local.get(id));
    }

    private Ticket remember(Ticket t) {
        return local.put(t.id(), t);
    }

    private int lane(SpoolRecord record) {
        return Math.floorMod(record.linkedid().hashCode(), writers.length);
    }

    private void submit(long seq, SpoolRecord record) {
        int lane = lane(record);
        try {
            writers[lane].execute(() -> write(lane, seq, record));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the service is stopping: the record stays in the journal, and the next start writes it
            log.info("call {}: {} kept in the intake journal for the next start", record.linkedid(), what(record));
        }
    }

    /** On the call's writer: applies the record, retrying while the database is unreachable. */
    private void write(int lane, long seq, SpoolRecord record) {
        long backoff = 100;
        while (true) {
            try {
                apply(written[lane], record);
                break;
            } catch (StoreUnavailableException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // shutting down: the journal keeps it for the next start
                }
                log.warn("call {}: intake write waits for the database ({})", record.linkedid(), e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    return;
                }
                backoff = Math.min(5_000, backoff * 2);
            } catch (RuntimeException e) {
                // refused for good (as the flow's own write would have been): logged, not retried
                log.warn("call {}: {} not recorded: {}", record.linkedid(), what(record), e.toString());
                break;
            }
        }
        journal.applied(seq);
        if (writers[lane].getQueue().isEmpty()) {
            // nothing more for this writer: hand the markers to the file now (unforced; forced
            // within a second, or by the next call's append), so a killed process does not write them again
            try {
                journal.writeQueued();
            } catch (java.io.UncheckedIOException e) {
                log.warn("{}", e.getMessage());
            }
        }
    }

    private void apply(RecentMap<String, Long> ids, SpoolRecord record) {
        if (record instanceof SpoolRecord.Open o) {
            ids.put(o.linkedid(), delegate().openForCall(o.intake()).id());
            return;
        }
        Long id = ids.get(record.linkedid());
        if (id == null) {
            id = delegate().findByLinkedid(record.linkedid()).map(Ticket::id).orElseThrow(() ->
                    new IllegalStateException("no ticket for call " + record.linkedid()));
            ids.put(record.linkedid(), id);
        }
        if (record instanceof SpoolRecord.Update u) {
            delegate().updateIntake(id, u.update());
        } else if (record instanceof SpoolRecord.Outcome o) {
            delegate().recordCallOutcome(id, o.outcome());
        }
    }

    private static String what(SpoolRecord r) {
        return r instanceof SpoolRecord.Open ? "intake" : r instanceof SpoolRecord.Update ? "intake update"
                : "outcome " + ((SpoolRecord.Outcome) r).outcome().disposition();
    }

    /** Records journaled whose write is not done yet. */
    public int pending() {
        return journal.pending();
    }

    /** Waits up to {@code timeout} for every journaled record to be written (tests, orderly stop). */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (journal.pending() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Lets the writers finish what is queued (up to 10 s), then stops; anything left stays journaled. */
    @Override
    public void close() {
        forcer.shutdownNow();
        for (ExecutorService w : writers) {
            w.shutdown();
        }
        for (ExecutorService w : writers) {
            try {
                if (!w.awaitTermination(10, TimeUnit.SECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                w.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        journal.close();
    }
}
