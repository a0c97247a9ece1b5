package org.hotline.panel.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketLifecycle;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.hotline.domain.store.VersionConflictException;

/**
 * An in-memory ticket store running the real {@link TicketLifecycle}, with optimistic versions and
 * an append-only history, keeping a {@link DispatchQueue} in step like the real store. For panel
 * tests until (and besides) the storage fixture. Thread-safe (synchronized).
 */
public final class FakeTicketStore implements TicketStore {
    private final Clock clock;
    private final DispatchQueue queue;
    private final TicketLifecycle lifecycle = new TicketLifecycle();
    private final Map<Long, Ticket> tickets = new HashMap<>();
    private final Map<Long, List<HistoryEvent>> history = new HashMap<>();
    private long nextId = 1;

    public FakeTicketStore(Clock clock, DispatchQueue queue) {
        this.clock = clock;
        this.queue = queue;
    }

    @Override
    public synchronized Ticket openForCall(CallIntake intake) {
        Optional<Ticket> existing = findByLinkedid(intake.linkedid());
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = nextId++;
        Instant now = clock.instant();
        Ticket t = new Ticket.Builder().id(id).number(String.format("HL-2026-%06d", id)).line(intake.line())
                .callerNumber(intake.callerNumber()).callerName(intake.callerName()).uniqueid(intake.uniqueid())
                .linkedid(intake.linkedid()).createdAt(intake.at()).updatedAt(now).version(1).build();
        tickets.put(id, t);
        append(t, null, "opened", Actor.ivr(), null, Map.of());
        return t;
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
        return after;
    }

    private void save(Ticket t) {
        tickets.put(t.id(), t);
        if (t.awaitsAgent()) {
            queue.enqueue(t);
        } else {
            queue.remove(t.id());
        }
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
    public synchronized Optional<Ticket> find(long id) { return Optional.ofNullable(tickets.get(id)); }

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
    public synchronized CallerHistory callerHistory(String number, Duration repeatWindow, RequestKind kind,
                                                    long currentTicketId) {
        Instant since = clock.instant().minus(repeatWindow);
        List<Ticket> prev = tickets.values().stream().filter(t -> t.id() != currentTicketId)
                .filter(t -> number.equals(t.callerNumber()) || number.equals(t.callbackNumber()))
                .sorted(Comparator.comparing(Ticket::createdAt).reversed()).limit(20).toList();
        boolean repeat = prev.stream().filter(t -> kind == null || t.kind() == kind)
                .anyMatch(t -> t.createdAt().isAfter(since));
        return new CallerHistory(number, prev, repeat);
    }

    @Override
    public synchronized List<Ticket> search(TicketQuery q, Actor viewer) {
        return tickets.values().stream().filter(q::matches).filter(t -> t.visibleTo(viewer))
                .sorted(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id).reversed())
                .limit(q.limit()).toList();
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
                .sorted(Comparator.comparing(Ticket::createdAt).reversed()).toList();
    }
}
