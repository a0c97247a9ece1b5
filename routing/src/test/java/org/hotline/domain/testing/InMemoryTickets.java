package org.hotline.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketLifecycle;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * The one in-memory {@link TicketStore} of the tests: tickets opened idempotently by linkedid (or
 * put in by the test), every change run through the real {@link TicketLifecycle}, optimistic
 * versions, an append-only history, the visibility rule of {@link Ticket#visibleTo}, and, when
 * given one, a {@link DispatchQueue} kept in step as the real store keeps it. The call outcomes
 * recorded are kept in order for the flow tests. Thread-safe (synchronized).
 */
public final class InMemoryTickets implements TicketStore {
    private static final Comparator<Ticket> NEWEST_FIRST =
            Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id).reversed();

    private final Clock clock;
    private final Optional<DispatchQueue> queue;
    private final TicketLifecycle lifecycle = new TicketLifecycle();
    private final Map<Long, Ticket> tickets = new HashMap<>();
    private final Map<Long, List<HistoryEvent>> history = new HashMap<>();
    private final Map<Long, List<CallOutcome>> outcomes = new HashMap<>();
    private long nextId = 1;
    private volatile Duration openDelay = Duration.ZERO;

    public InMemoryTickets(Clock clock) {
        this(clock, null);
    }

    /** A store that keeps {@code queue} in step: a ticket awaiting an agent is queued, others are not. */
    public InMemoryTickets(Clock clock, DispatchQueue queue) {
        this.clock = clock;
        this.queue = Optional.ofNullable(queue);
    }

    /** Makes {@link #openForCall} take {@code delay} first, as a slow database would. */
    public void openDelay(Duration delay) {
        this.openDelay = delay;
    }

    /** Adds {@code t} with an empty history. */
    public Ticket put(Ticket t) {
        return put(t, null);
    }

    /** Adds {@code t}, with a "resolve" entry by alice at {@code resolvedAt} when that is given. */
    public synchronized Ticket put(Ticket t, Instant resolvedAt) {
        tickets.put(t.id(), t);
        nextId = Math.max(nextId, t.id() + 1);
        List<HistoryEvent> h = new ArrayList<>();
        if (resolvedAt != null) {
            h.add(new HistoryEvent(t.id(), 1, resolvedAt, "alice", Role.AGENT, "resolve", t.status(), t.status(),
                    "done", Map.of()));
        }
        history.put(t.id(), h);
        return t;
    }

    /** The only ticket, failing when there is not exactly one. */
    public synchronized Ticket only() {
        if (tickets.size() != 1) {
            throw new AssertionError("expected one ticket, have " + tickets.values());
        }
        return tickets.values().iterator().next();
    }

    public synchronized int count() {
        return tickets.size();
    }

    /** The call outcomes recorded on ticket {@code id}, in order. */
    public synchronized List<CallOutcome> outcomes(long id) {
        return List.copyOf(outcomes.getOrDefault(id, List.of()));
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        if (!openDelay.isZero()) {
            LockSupport.parkNanos(openDelay.toNanos());
        }
        synchronized (this) {
            Optional<Ticket> existing = findByLinkedid(intake.linkedid());
            if (existing.isPresent()) {
                return existing.get();
            }
            long id = nextId++;
            Ticket t = new Ticket.Builder().id(id).number(String.format("HL-2026-%06d", id)).line(intake.line())
                    .callerNumber(intake.callerNumber()).callerName(intake.callerName()).uniqueid(intake.uniqueid())
                    .linkedid(intake.linkedid()).createdAt(intake.at()).updatedAt(clock.instant()).version(1).build();
            tickets.put(id, t);
            append(t, null, "opened", Actor.ivr(), null, Map.of());
            return t;
        }
    }

    @Override
    public synchronized Ticket updateIntake(long id, IntakeUpdate update) {
        Ticket before = get(id);
        Ticket after = update.applyTo(before).toBuilder().version(before.version() + 1).updatedAt(clock.instant()).build();
        save(after);
        append(after, before.status(), "intake", Actor.ivr(), null, Map.of());
        return after;
    }

    @Override
    public synchronized Ticket recordCallOutcome(long id, CallOutcome outcome) {
        Ticket before = get(id);
        outcomes.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome);
        TicketLifecycle.Applied a = lifecycle.onCallOutcome(before, outcome, clock.instant());
        Ticket after = a.after().toBuilder().version(before.version() + 1).build();
        save(after);
        append(after, a.from(), a.action(), Actor.ivr(), a.note(), a.data());
        return after;
    }

    @Override
    public synchronized Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        Ticket before = get(id);
        if (before.version() != expectedVersion) {
            throw new VersionConflictException(id, before.number(), expectedVersion, before.version());
        }
        TicketLifecycle.Decision d = lifecycle.decide(before, actor, action, clock.instant());
        if (d instanceof TicketLifecycle.Refused r) {
            throw new TransitionRefusedException(r.reason());
        }
        TicketLifecycle.Applied a = (TicketLifecycle.Applied) d;
        Ticket after = a.after().toBuilder().version(before.version() + 1).build();
        save(after);
        append(after, a.from(), a.action(), actor, a.note(), a.data());
        if (action instanceof TicketAction.LinkEarlier link) {
            Ticket earlier = get(link.earlier().id());
            TicketLifecycle.Applied e = TicketLifecycle.linkedFrom(earlier, after, link.reason(), link.note(),
                    clock.instant());
            Ticket earlierAfter = e.after().toBuilder().version(earlier.version() + 1).build();
            save(earlierAfter);
            append(earlierAfter, e.from(), e.action(), actor, e.note(), e.data());
        }
        return after;
    }

    private void save(Ticket t) {
        tickets.put(t.id(), t);
        queue.ifPresent(q -> {
            if (t.awaitsAgent()) {
                q.enqueue(t);
            } else {
                q.remove(t.id());
            }
        });
    }

    private void append(Ticket t, TicketStatus from, String action, Actor actor, String note, Map<String, String> data) {
        List<HistoryEvent> h = history.computeIfAbsent(t.id(), k -> new ArrayList<>());
        h.add(new HistoryEvent(t.id(), h.size() + 1, clock.instant(), actor.id(), actor.role(), action, from,
                t.status(), note, data));
    }

    private Ticket get(long id) {
        Ticket t = tickets.get(id);
        if (t == null) {
            throw new TicketNotFoundException(Long.toString(id));
        }
        return t;
    }

    @Override
    public synchronized Optional<Ticket> find(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public synchronized Optional<Ticket> findByNumber(String number) {
        return tickets.values().stream().filter(t -> t.number().equals(number)).findFirst();
    }

    @Override
    public synchronized Optional<Ticket> findByLinkedid(String linkedid) {
        return tickets.values().stream().filter(t -> linkedid.equals(t.linkedid())).findFirst();
    }

    @Override
    public synchronized List<HistoryEvent> history(long id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized CallerHistory callerHistory(String number, long currentTicketId, Actor viewer) {
        List<Ticket> callers = tickets.values().stream()
                .filter(t -> number.equals(t.callerNumber()) || number.equals(t.callbackNumber()))
                .filter(t -> viewer == null || t.visibleTo(viewer)).toList();
        Optional<Ticket> current = callers.stream().filter(t -> t.id() == currentTicketId).findFirst();
        return CallerHistory.of(number, current, callers, new RepeatRule(clock.getZone()), clock.instant());
    }

    @Override
    public synchronized List<Ticket> search(TicketQuery q, Actor viewer) {
        return tickets.values().stream().filter(q::matches).filter(t -> t.visibleTo(viewer))
                .sorted(NEWEST_FIRST).limit(q.limit()).toList();
    }

    @Override
    public synchronized List<Ticket> dueBefore(Instant before, int limit, Actor viewer) {
        return tickets.values().stream().filter(t -> t.status().isOpen())
                .filter(t -> t.earliestDeadline().map(d -> d.isBefore(before)).orElse(false))
                .filter(t -> t.visibleTo(viewer))
                .sorted(Comparator.comparing(t -> t.earliestDeadline().orElseThrow())).limit(limit).toList();
    }

    @Override
    public synchronized List<Ticket> forwardedTo(String personId, Instant since, Actor viewer) {
        return tickets.values().stream().filter(t -> !t.createdAt().isBefore(since))
                .filter(t -> personId.equals(t.forwardedTo()) || t.awaitsAgent())
                .filter(t -> t.visibleTo(viewer))
                .sorted(NEWEST_FIRST).toList();
    }
}
