package org.hotline.domain.deadline;

import org.hotline.domain.store.AgentEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.hotline.domain.ticket.User;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.store.VersionConflictException;

/**
 * Reminders and escalation on deadlines. Each {@link #scan()} looks for open tickets that still
 * owe a step due within {@code margin} (at risk) or already past (missed), and for each step,
 * due instant and state not alerted before:
 * <ul>
 *   <li>records a {@link TicketAction.DeadlineAlert} in the ticket's history (the proof that
 *       somebody was told, and what keeps the alert from being sent twice, across restarts
 *       and across instances: two watchers racing on one ticket meet an optimistic-version
 *       conflict and only one records it);</li>
 *   <li>tells the owner (a reminder while at risk, again when missed) on the owner's live
 *       stream, and escalates to every active supervisor and duty manager when the step is
 *       missed, or at risk with nobody owning the ticket.</li>
 * </ul>
 * The entry published is {@code type=deadline}, {@code ticketId}, {@code ticketNumber},
 * {@code step}, {@code due} (ISO instant), {@code state} ({@code at-risk} or {@code missed}).
 *
 * <p>{@code tickets} must answer {@link TicketStore#dueBefore} with owed deadlines only (the
 * {@link DeadlineAssigningTicketStore} does). A step's {@code .max} entry is the latest it may be
 * extended to, not a deadline of its own, and raises no alert. Not thread-safe: run one scan
 * at a time (the service runs it on one scheduled thread).
 */
public final class DeadlineWatcher {
    /** The actor the alerts are recorded as. */
    public static final Actor ACTOR = new Actor("deadline-watcher", Role.SYSTEM);
    /** The stream entry type of an alert. */
    public static final String EVENT_TYPE = AgentEvent.DeadlineEvent.TYPE;
    /** Most tickets looked at per scan; the earliest deadlines come first, the rest wait a scan. */
    static final int BATCH = 500;

    /** One alert sent: the ticket as recorded, the step, and whom it was published to. */
    public record Alert(Ticket ticket, String step, Instant due, boolean missed, Set<String> told) {
    }

    private final TicketStore tickets;
    private final EventStream events;
    private final UserStore users;
    private final Duration margin;
    private final Clock clock;

    public DeadlineWatcher(TicketStore tickets, EventStream events, UserStore users, Duration margin, Clock clock) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.events = Objects.requireNonNull(events, "events");
        this.users = Objects.requireNonNull(users, "users");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("the at-risk margin cannot be negative, got " + margin);
        }
        this.margin = margin;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sends the alerts due now; returns them. A ticket changed meanwhile is left to the next scan. */
    public List<Alert> scan() {
        Instant now = clock.instant();
        Instant horizon = now.plus(margin);
        List<Alert> sent = new ArrayList<>();
        List<User> escalation = null;
        for (Ticket candidate : tickets.dueBefore(horizon, BATCH, ACTOR)) {
            Ticket ticket = candidate;
            List<HistoryEvent> history = null;
            for (Map.Entry<String, Instant> deadline : candidate.deadlines().entrySet()) {
                String step = deadline.getKey();
                Instant due = deadline.getValue();
                if (step.endsWith(PolicyDeadlines.MAX_SUFFIX) || !due.isBefore(horizon)) {
                    continue;
                }
                var alert = new TicketAction.DeadlineAlert(step, due, !due.isAfter(now));
                if (history == null) {
                    history = tickets.history(ticket.id());
                }
                if (alerted(history, alert)) {
                    continue;
                }
                try {
                    ticket = tickets.apply(ticket.id(), ticket.version(), ACTOR, alert);
                } catch (VersionConflictException | TransitionRefusedException | TicketNotFoundException changed) {
                    break;
                }
                if (escalation == null) {
                    escalation = users.list().stream().filter(User::active)
                            .filter(u -> u.role() == Role.SUPERVISOR || u.role() == Role.DUTY_MANAGER).toList();
                }
                sent.add(new Alert(ticket, step, due, alert.missed(), tell(ticket, alert, escalation)));
            }
        }
        return sent;
    }

    /** The stream entry of one alert, as {@link #scan()} publishes it. */
    public static Map<String, String> event(Ticket ticket, TicketAction.DeadlineAlert alert, Instant at) {
        return new AgentEvent.DeadlineEvent(Optional.of(ticket.id()), ticket.number(), alert.step(),
                alert.due().toString(), alert.missed(), Optional.of(at)).fields();
    }

    private static boolean alerted(List<HistoryEvent> history, TicketAction.DeadlineAlert alert) {
        return history.stream().anyMatch(e -> alert.actionName().equals(e.action())
                && alert.step().equals(e.data().get("step")) && alert.due().toString().equals(e.data().get("due"))
                && alert.state().equals(e.data().get("state")));
    }

    private Set<String> tell(Ticket ticket, TicketAction.DeadlineAlert alert, List<User> escalation) {
        Set<String> told = new LinkedHashSet<>();
        if (ticket.owner() != null) {
            told.add(ticket.owner());
        }
        if (alert.missed() || ticket.owner() == null) {
            escalation.forEach(u -> told.add(u.username()));
        }
        Map<String, String> event = event(ticket, alert, clock.instant());
        for (String user : told) {
            events.publish(EventStream.agentKey(user), event);
        }
        return told;
    }
}
