package org.hotline.storage.spool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.store.StoreUnavailableException;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketLifecycle;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.store.RecentMap;
import org.hotline.domain.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TicketStore} that never refuses a call a ticket: when the database is unreachable,
 * {@link #openForCall} spools the intake to an {@link IntakeSpool} and returns a provisional ticket
 * (negative id, number {@code HL-PENDING-<n>}); {@link #updateIntake} and
 * {@link #recordCallOutcome} on a provisional id are spooled the same way, keyed by the call's
 * linkedid. {@link #replaySpool()} writes the spooled calls, in order, once the database is back:
 * intake is idempotent by linkedid, so a replay repeated after a crash creates nothing twice.
 * Everything else is passed to the delegate(). Thread-safe.
 */
public final class SpoolingTicketStore extends ForwardingTicketStore {

    private static final Logger log = LoggerFactory.getLogger(SpoolingTicketStore.class);
    private static final int MAX_PROVISIONAL = 10_000;

    private final IntakeSpool spool;
    private final AtomicLong provisionalIds = new AtomicLong();
    private final TicketLifecycle lifecycle = new TicketLifecycle();
    private final Map<Long, Ticket> provisional = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Ticket> eldest) {
            return size() > MAX_PROVISIONAL;
        }
    };

    public SpoolingTicketStore(TicketStore delegate, IntakeSpool spool) {
        super(delegate);
        this.spool = spool;
    }

    /** Tickets of recent calls by id, so a call whose ticket was written can still be spooled. */
    private final RecentMap<Long, Ticket> recent = new RecentMap<>(MAX_PROVISIONAL);

    @Override
    public Ticket openForCall(CallIntake intake) {
        try {
            return remember(delegate().openForCall(intake));
        } catch (StoreUnavailableException e) {
            spool.append(new SpoolRecord.Open(intake));
            long n = provisionalIds.incrementAndGet();
            Ticket t = new Ticket.Builder().id(-n).number(intake.number() != null ? intake.number() : "HL-PENDING-" + n)
                    .line(intake.line())
                    .callerNumber(intake.callerNumber()).callerName(intake.callerName())
                    .uniqueid(intake.uniqueid()).linkedid(intake.linkedid())
                    .createdAt(intake.at()).updatedAt(intake.at()).build();
            remember(t);
            log.warn("PostgreSQL unreachable: intake of call {} spooled as {}", intake.linkedid(), t.number());
            return t;
        }
    }

    /**
     * {@inheritDoc} Spooled when the ticket is provisional, or when the database is unreachable and
     * the ticket was opened by this process recently (the IVR keeps capturing during an outage).
     */
    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        if (id >= 0) {
            try {
                return remember(delegate().updateIntake(id, update));
            } catch (StoreUnavailableException e) {
                Ticket known = recent(id).orElseThrow(() -> e);
                spool.append(new SpoolRecord.Update(known.linkedid(), update));
                return remember(update.applyTo(known));
            }
        }
        Ticket t = provisional(id);
        spool.append(new SpoolRecord.Update(t.linkedid(), update));
        return remember(update.applyTo(t));
    }

    /** {@inheritDoc} Spooled like {@link #updateIntake}. */
    @Override
    public Ticket recordCallOutcome(long id, CallOutcome outcome) {
        if (id >= 0) {
            try {
                return remember(delegate().recordCallOutcome(id, outcome));
            } catch (StoreUnavailableException e) {
                Ticket known = recent(id).orElseThrow(() -> e);
                spool.append(new SpoolRecord.Outcome(known.linkedid(), outcome));
                return remember(lifecycle.onCallOutcome(known, outcome, known.updatedAt()).after());
            }
        }
        Ticket t = provisional(id);
        spool.append(new SpoolRecord.Outcome(t.linkedid(), outcome));
        return remember(lifecycle.onCallOutcome(t, outcome, t.updatedAt()).after());
    }

    private Optional<Ticket> recent(long id) {
        return Optional.ofNullable(recent.get(id));
    }

    /**
     * Writes every spooled call to the delegate, oldest first; returns how many records were
     * applied. Stops quietly, keeping the rest, while the database is still unreachable.
     */
    public int replaySpool() {
        try {
            int n = spool.replay(this::applySpooled);
            if (n > 0) {
                log.info("replayed {} spooled ticket records into PostgreSQL", n);
            }
            return n;
        } catch (StoreUnavailableException e) {
            return 0;
        }
    }

    /** Whether spooled records wait for the database. */
    public boolean hasSpooled() {
        return spool.hasPending();
    }

    private void applySpooled(SpoolRecord r) {
        try {
            if (r instanceof SpoolRecord.Open o) {
                delegate().openForCall(o.intake());
                return;
            }
            Ticket t = delegate().findByLinkedid(r.linkedid()).orElseThrow(
                    () -> new IntakeSpool.RejectedRecordException("no ticket for spooled call " + r.linkedid(), null));
            if (r instanceof SpoolRecord.Update u) {
                delegate().updateIntake(t.id(), u.update());
            } else if (r instanceof SpoolRecord.Outcome o) {
                delegate().recordCallOutcome(t.id(), o.outcome());
            }
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (IntakeSpool.RejectedRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IntakeSpool.RejectedRecordException("spooled record for call " + r.linkedid()
                    + " cannot be applied: " + e.getMessage(), e);
        }
    }

    private Ticket provisional(long id) {
        synchronized (provisional) {
            Ticket t = provisional.get(id);
            if (t == null) {
                throw new TicketNotFoundException("with provisional id " + id);
            }
            return t;
        }
    }

    private Ticket remember(Ticket t) {
        if (t.isProvisional()) {
            synchronized (provisional) {
                provisional.put(t.id(), t);
            }
        } else {
            recent.put(t.id(), t);
        }
        return t;
    }

    @Override
    public Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        if (id < 0) {
            throw new StoreUnavailableException("ticket " + provisional(id).number()
                    + " is still being written to the database; try again in a moment", null);
        }
        return delegate().apply(id, expectedVersion, actor, action);
    }

    @Override
    public Optional<Ticket> find(long id) {
        if (id < 0) {
            synchronized (provisional) {
                return Optional.ofNullable(provisional.get(id));
            }
        }
        return delegate().find(id);
    }

    /** Like {@link #find(long)}: provisional tickets from here, the others in one read. */
    @Override
    public List<Ticket> findAll(List<Long> ids) {
        return ids.stream().allMatch(id -> id >= 0) ? delegate().findAll(ids)
                : ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Like {@link #find(long)} (which knows provisional tickets), filtered for {@code viewer}. */
    @Override
    public Optional<Ticket> find(long id, Actor viewer) {
        return find(id).filter(t -> t.visibleTo(viewer));
    }

    @Override
    public List<HistoryEvent> history(long id) {
        return id < 0 ? List.of() : delegate().history(id);
    }

}
