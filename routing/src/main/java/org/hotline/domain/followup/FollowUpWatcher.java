package org.hotline.domain.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * "The owner follows up at least every three days": a dispatched or in-progress ticket on which
 * no person has done anything for {@code every} gets a {@link TicketAction.FollowUpReminder} in
 * its history (which counts as the start of the next period, so the owner is reminded every
 * {@code every} until the ticket is resolved), a {@code type=follow-up} entry on the owner's
 * live stream, and {@code onReminder} (the notification off the panel). Two watchers racing on
 * one ticket meet an optimistic-version conflict: one reminder. Not thread-safe: one scan at a
 * time.
 */
public final class FollowUpWatcher {
    public static final Actor ACTOR = new Actor("follow-up-watcher", Role.SYSTEM);
    public static final String EVENT_TYPE = "follow-up";
    private static final Set<TicketStatus> WORKED = Set.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS);

    private final TicketStore tickets;
    private final EventStream events;
    private final Duration every;
    private final Clock clock;
    private final BiConsumer<Ticket, Instant> onReminder;

    public FollowUpWatcher(TicketStore tickets, EventStream events, Duration every, Clock clock,
            BiConsumer<Ticket, Instant> onReminder) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.events = Objects.requireNonNull(events, "events");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the follow-up period must be positive, got " + every);
        }
        this.every = every;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onReminder = Objects.requireNonNull(onReminder, "onReminder");
    }

    /** Reminds the owners due now; returns the tickets reminded. */
    public List<Ticket> scan() {
        Instant now = clock.instant();
        List<Ticket> reminded = new ArrayList<>();
        for (Ticket t : tickets.search(TicketQuery.open(1000).withStatuses(WORKED), ACTOR)) {
            Instant last = lastFollowUp(tickets.history(t.id()), t.createdAt());
            if (now.isBefore(last.plus(every))) {
                continue;
            }
            Ticket after;
            try {
                after = tickets.apply(t.id(), t.version(), ACTOR, new TicketAction.FollowUpReminder(last.toString()));
            } catch (VersionConflictException | TransitionRefusedException | TicketNotFoundException changed) {
                continue; // someone acted on it (or another watcher reminded): the next scan decides
            }
            if (after.owner() != null) {
                Map<String, String> event = new LinkedHashMap<>();
                event.put("type", EVENT_TYPE);
                event.put("ticketId", Long.toString(after.id()));
                event.put("ticketNumber", after.number());
                event.put("since", last.toString());
                event.put("publishedAt", Long.toString(now.toEpochMilli()));
                events.publish(EventStream.agentKey(after.owner()), event);
            }
            onReminder.accept(after, last);
            reminded.add(after);
        }
        return reminded;
    }

    /** The latest thing a person did on the ticket, or the latest reminder; creation when none. */
    static Instant lastFollowUp(List<HistoryEvent> history, Instant created) {
        Instant last = created;
        for (HistoryEvent e : history) {
            boolean counts = e.actorRole() != null && e.actorRole().isPerson() || "follow-up-reminder".equals(e.action());
            if (counts && e.at().isAfter(last)) {
                last = e.at();
            }
        }
        return last;
    }
}
