package org.hotline.domain.afterhours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.calendar.Interval;
import org.hotline.domain.calendar.Period;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.routing.Fallback;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * What happens to calls that arrived while the office was closed.
 * <ul>
 *   <li><b>The duty manager is told.</b> A ticket opened after hours or on a closed day that
 *       nobody took (flagged for call-back, no owner) is reported to the people its route's
 *       {@link Fallback#notifyPersonIds()} names (the day's duty managers, A and B), and the
 *       ticket then names them ({@link TicketAction.DutyTold}, {@link Ticket#dutyTold()}). The
 *       fallback is the router's decision for the ticket's line at the time of the call.</li>
 *   <li><b>At the next opening</b> ({@link Fallback#nextOpening()} of the ticket's route, once it
 *       has come and while the office is open), each such ticket still unowned is given to one of
 *       the first agents on shift ({@link TicketAction.AssignAtOpening}), oldest ticket first, in
 *       turn over the agents in the order they came on shift; with nobody on shift it waits in
 *       the dispatch queue for the next scan.</li>
 *   <li><b>The morning list.</b> During the first working interval of a working day, the tickets
 *       opened since the previous working day's close go, as one list, to the supervisors and the
 *       duty managers told ({@link Sink#morningList}); the list is keyed by the date, so it goes
 *       out once, across restarts and instances (the notification outbox's key is the claim).</li>
 * </ul>
 * Two instances scanning at once: the notices are keyed (sent once), and the ticket's optimistic
 * version lets one {@code duty-told} entry through. Not thread-safe: one scan at a time.
 */
public final class AfterHoursWatcher {
    public static final Actor ACTOR = new Actor("after-hours-watcher", Role.SYSTEM);
    private static final Set<Period> CLOSED = Set.of(Period.AFTER_HOURS, Period.CLOSED);
    /** How far back a working day's close is looked for (long holidays). */
    private static final int SEARCH_DAYS = 60;
    private static final int LIMIT = 1000;

    /** The route's fallback for a call on {@code line} at {@code at}. */
    @FunctionalInterface
    public interface FallbackOf {
        Fallback of(String line, Instant at, boolean urgent);
    }

    /** Where the notices go (the notification outbox, through {@code Notices}). */
    public interface Sink {
        /** Tell {@code people} of after-hours ticket {@code t}; urgent for the urgent kind. */
        void afterHours(Ticket t, List<String> people);

        /**
         * The list of what arrived between {@code since} and the opening {@code opening} of
         * {@code day}, sent once per day.
         */
        void morningList(LocalDate day, Instant since, Instant opening, List<Ticket> arrived);

        /**
         * The ticket now names {@code people} (this instance won the {@code duty-told} entry): a
         * place for what must happen once, such as the voice alert of an urgent ticket.
         */
        default void named(Ticket t, List<String> people) {}
    }

    /** What one scan did. */
    public record Scan(List<Ticket> told, List<Ticket> assigned, Optional<LocalDate> morningList) {}

    private final TicketStore tickets;
    private final WorkingCalendar calendar;
    private final FallbackOf fallbacks;
    private final Sink sink;
    private final Duration lookBack;
    private final Clock clock;
    private final java.util.function.Supplier<List<String>> onShift;

    /**
     * @param lookBack how old an after-hours ticket may be and still be reported (a service that
     *                 was down overnight catches up on start)
     * @param onShift  the agents on shift now (available), first to come on shift first
     */
    public AfterHoursWatcher(TicketStore tickets, WorkingCalendar calendar, FallbackOf fallbacks, Sink sink,
            java.util.function.Supplier<List<String>> onShift, Duration lookBack, Clock clock) {
        this.onShift = Objects.requireNonNull(onShift, "onShift");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.fallbacks = Objects.requireNonNull(fallbacks, "fallbacks");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException("the look-back must be positive, got " + lookBack);
        }
        this.lookBack = lookBack;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tells the duty managers of what is new, and sends the morning list when it is due. */
    public Scan scan() {
        Instant now = clock.instant();
        return new Scan(tellDutyManagers(now), assignAtOpening(now), morningList(now));
    }

    private List<Ticket> assignAtOpening(Instant now) {
        if (calendar.periodAt(now) != Period.OFFICE) {
            return List.of();
        }
        List<Ticket> due = new ArrayList<>();
        for (Ticket t : tickets.search(TicketQuery.open(LIMIT).withUnownedOnly(true)
                .withCreated(now.minus(lookBack), now), ACTOR)) {
            if (!t.callbackRequested() || t.owner() != null || !CLOSED.contains(calendar.periodAt(t.createdAt()))) {
                continue;
            }
            Optional<Instant> opening;
            try {
                opening = fallbacks.of(t.line(), t.createdAt(), t.kind() == RequestKind.URGENT).nextOpening();
            } catch (RuntimeException unknownLine) {
                continue;
            }
            if (opening.isPresent() && !opening.get().isAfter(now)) {
                due.add(t);
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        List<String> agents = onShift.get();
        if (agents.isEmpty()) {
            return List.of();
        }
        due.sort(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id));
        List<Ticket> assigned = new ArrayList<>();
        int next = 0;
        for (Ticket t : due) {
            String agent = agents.get(next % agents.size());
            Instant opening = fallbacks.of(t.line(), t.createdAt(), t.kind() == RequestKind.URGENT).nextOpening()
                    .orElse(now);
            try {
                assigned.add(tickets.apply(t.id(), t.version(), ACTOR, new TicketAction.AssignAtOpening(agent, opening)));
                next++;
            } catch (VersionConflictException | TransitionRefusedException | TicketNotFoundException changed) {
                // taken meanwhile (claimed, or assigned by another instance): the next ticket keeps this agent
            }
        }
        return assigned;
    }

    private List<Ticket> tellDutyManagers(Instant now) {
        List<Ticket> told = new ArrayList<>();
        List<Ticket> open = tickets.search(TicketQuery.open(LIMIT).withUnownedOnly(true)
                .withCreated(now.minus(lookBack), now), ACTOR);
        for (Ticket t : open) {
            if (!t.callbackRequested() || t.owner() != null || t.dutyTold() != null
                    || !CLOSED.contains(calendar.periodAt(t.createdAt()))) {
                continue;
            }
            List<String> people;
            try {
                people = fallbacks.of(t.line(), t.createdAt(), t.kind() == RequestKind.URGENT).notifyPersonIds();
            } catch (RuntimeException unknownLine) {
                continue; // a line no longer configured: no route, nobody to name
            }
            if (people.isEmpty()) {
                continue; // a roster gap: nobody to name; the deadline watcher escalates unowned tickets
            }
            sink.afterHours(t, people); // keyed: a repeat after a crash here is not sent twice
            try {
                Ticket named = tickets.apply(t.id(), t.version(), ACTOR,
                        new TicketAction.DutyTold(String.join(",", people), "notified off the panel"));
                told.add(named);
                sink.named(named, people);
            } catch (VersionConflictException | TransitionRefusedException | TicketNotFoundException changed) {
                // changed meanwhile (taken, or another instance named them): the next scan decides
            }
        }
        return told;
    }

    private Optional<LocalDate> morningList(Instant now) {
        LocalDate today = calendar.wallClock().dateOf(now);
        List<Interval> hours = calendar.workingIntervals(today);
        if (hours.isEmpty() || !hours.get(0).contains(now)) {
            return Optional.empty();
        }
        Instant opening = hours.get(0).start();
        Instant since = previousClose(today).orElse(opening.minus(lookBack));
        List<Ticket> arrived = tickets.search(TicketQuery.any(LIMIT).withCreated(since, opening), ACTOR).stream()
                .filter(t -> !t.createdAt().isBefore(since) && t.createdAt().isBefore(opening))
                .sorted(Comparator.comparing(Ticket::createdAt)).toList();
        if (arrived.isEmpty()) {
            return Optional.empty();
        }
        sink.morningList(today, since, opening, arrived);
        return Optional.of(today);
    }

    /** The end of the last working interval before {@code day}. */
    private Optional<Instant> previousClose(LocalDate day) {
        for (int n = 1; n <= SEARCH_DAYS; n++) {
            List<Interval> hours = calendar.workingIntervals(day.minusDays(n));
            if (!hours.isEmpty()) {
                return Optional.of(hours.get(hours.size() - 1).end());
            }
        }
        return Optional.empty();
    }
}
