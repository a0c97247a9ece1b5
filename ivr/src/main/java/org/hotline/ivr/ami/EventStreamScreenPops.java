package org.hotline.ivr.ami;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * their numbers, newest first, {@code repeat}: whether this looks like a repeat request).
 *
 * <p>A pop whose ticket number the store does not know (yet) is still published, without
 * {@code ticketId}. Store or stream failures are logged, never thrown. Thread-safe if the
 * store and stream are.
 */
public final class EventStreamScreenPops implements ScreenPopSink {
    private static final Logger log = LoggerFactory.getLogger(EventStreamScreenPops.class);

    private final EventStream events;
    private final TicketStore tickets;
    private final Duration repeatWindow;

    public EventStreamScreenPops(EventStream events, TicketStore tickets, Duration repeatWindow) {
        this.events = events;
        this.tickets = tickets;
        this.repeatWindow = repeatWindow;
    }

    @Override
    public void publish(ScreenPop pop) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", "screen-pop");
        f.put("state", pop.state().name());
        f.put("callId", pop.callId());
        f.put("device", pop.device());
        f.put("callerNumber", pop.callerNumber());
        f.put("callerName", pop.callerName());
        f.put("line", pop.line().orElse(""));
        f.put("queue", pop.queue().orElse(""));
        f.put("ticketNumber", pop.ticket().orElse(""));
        Optional<Ticket> ticket = Optional.empty();
        try {
            ticket = pop.ticket().flatMap(tickets::findByNumber);
            ticket.ifPresent(t -> {
                f.put("ticketId", Long.toString(t.id()));
                if (f.get("line").isEmpty() && t.line() != null) {
                    f.put("line", t.line());
                }
            });
            if (pop.state() == ScreenPop.State.RINGING && !pop.callerNumber().isBlank()) {
                // counts only what an agent may see: a tip-off never shows through a pop's count
                CallerHistory h = tickets.callerHistory(pop.callerNumber(), repeatWindow,
                        ticket.map(Ticket::kind).orElse(null), ticket.map(Ticket::id).orElse(0L),
                        new Actor(pop.agent(), Role.AGENT));
                f.put("previousTickets", Integer.toString(h.previous().size()));
                f.put("previousNumbers", String.join(",", h.previous().stream().limit(5).map(Ticket::number).toList()));
                f.put("repeat", Boolean.toString(h.repeat()));
            }
        } catch (RuntimeException e) {
            log.warn("screen pop for {}: ticket store unavailable ({}); publishing without history", pop.agent(),
                    e.getMessage());
        }
        f.put("publishedAt", Long.toString(pop.at().toEpochMilli()));
        try {
            events.publish(EventStream.agentKey(pop.agent()), f);
        } catch (RuntimeException e) {
            log.warn("screen pop for {} on call {} not published: {}", pop.agent(), pop.callId(), e.getMessage());
        }
    }
}
