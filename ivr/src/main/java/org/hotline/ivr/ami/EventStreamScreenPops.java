package org.hotline.ivr.ami;

import org.hotline.domain.store.AgentEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes screen pops to the agent's stream ({@link EventStream#agentKey}) in the panel's
 * convention: {@code type=screen-pop}, {@code ticketId}, {@code callerNumber},
 * {@code callerName}, {@code line}, {@code publishedAt} (epoch millis), plus {@code state}
 * (RINGING, ANSWERED, ENDED, MISSED), {@code callId} (linkedid), {@code ticketNumber},
 * {@code device}, {@code queue} and the caller's history from the {@link TicketStore}
 * ({@code previousTickets}: how many earlier tickets, {@code previousNumbers}: up to five of
 * their numbers, newest first, {@code repeat}: whether the caller is a repeat caller this quarter,
 * {@link org.hotline.domain.ticket.RepeatRule}), counted over what an agent may see; the panel
 * recounts them for the viewer's own reach when it delivers the pop.
 *
 * <p>Each pop is published once per ring and state across every instance that follows the same
 * PBX ({@link EventStream#publishOnce} keyed by linkedid, leg and state, for {@link #ONCE}): the
 * first instance to see the AMI event publishes, the others find the key taken.
 *
 * <p>A pop whose ticket number the store does not know (yet) is still published, without
 * {@code ticketId}. Store or stream failures are logged, never thrown. Thread-safe if the
 * store and stream are.
 */
public final class EventStreamScreenPops implements ScreenPopSink {
    private static final Logger log = LoggerFactory.getLogger(EventStreamScreenPops.class);

    /** How long a published pop's once-key is kept: far longer than instances can lag each other. */
    public static final Duration ONCE = Duration.ofMinutes(10);

    private final EventStream events;
    private final TicketStore tickets;

    public EventStreamScreenPops(EventStream events, TicketStore tickets) {
        this.events = events;
        this.tickets = tickets;
    }

    @Override
    public void publish(ScreenPop pop) {
        Optional<Ticket> ticket = Optional.empty();
        CallerHistory history = null;
        try {
            ticket = pop.ticket().flatMap(tickets::findByNumber);
            if (pop.state() == ScreenPop.State.RINGING && !pop.callerNumber().isBlank()) {
                // counts only what an agent may see: a tip-off never shows through a pop's count
                history = tickets.callerHistory(pop.callerNumber(), ticket.map(Ticket::id).orElse(0L),
                        new Actor(pop.agent(), Role.AGENT));
            }
        } catch (RuntimeException e) {
            log.warn("screen pop for {}: ticket store unavailable ({}); publishing without history", pop.agent(),
                    e.getMessage());
        }
        Optional<Ticket> found = ticket;
        String line = pop.line().filter(l -> !l.isEmpty()).or(() -> found.map(Ticket::line)).orElse("");
        Optional<CallerHistory> h = Optional.ofNullable(history);
        var event = new AgentEvent.ScreenPopEvent(pop.state().name(), pop.callId(), pop.device(), pop.callerNumber(),
                pop.callerName(), line, pop.queue().orElse(""), pop.ticket().orElse(""), found.map(Ticket::id),
                h.map(x -> x.previous().size()),
                h.map(x -> x.previous().stream().limit(5).map(Ticket::number).toList()).orElse(List.of()),
                h.map(CallerHistory::repeat), Optional.of(pop.at()));
        try {
            events.publishOnce(EventStream.agentKey(pop.agent()), onceKey(pop), ONCE, event.fields());
        } catch (RuntimeException e) {
            log.warn("screen pop for {} on call {} not published: {}", pop.agent(), pop.callId(), e.getMessage());
        }
    }

    /** One ring's state: the same on every instance that saw the same AMI event. */
    static String onceKey(ScreenPop pop) {
        return "pop:" + pop.callId() + ":" + pop.legId() + ":" + pop.state().name();
    }
}
