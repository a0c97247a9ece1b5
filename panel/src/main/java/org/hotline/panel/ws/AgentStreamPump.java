package org.hotline.panel.ws;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hotline.domain.store.AgentEvent;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;
import org.hotline.panel.api.PanelContext;
import org.hotline.panel.api.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screen pops and deadline alerts: reads one user's stream ({@link EventStream#agentKey}) after
 * a given entry id with blocking reads, for as long as the socket is open, and writes each
 * {@link AgentEvent.ScreenPopEvent} as a {@code pop} frame (no caller data when the user may not
 * see the ticket; delivery latency recorded) and each {@link AgentEvent.DeadlineEvent} as a
 * {@code deadline} frame. Replay after a reconnect and live delivery are the same loop. Runs on
 * a thread of its own per socket.
 */
final class AgentStreamPump {
    private static final Logger log = LoggerFactory.getLogger(AgentStreamPump.class);

    private final PanelContext ctx;
    private final LiveConnections connections;
    private final BooleanSupplier stopped;

    AgentStreamPump(PanelContext ctx, LiveConnections connections, BooleanSupplier stopped) {
        this.ctx = ctx;
        this.connections = connections;
        this.stopped = stopped;
    }

    void pump(LiveConnections.Connection c, String start) {
        String key = EventStream.agentKey(c.session.username());
        Actor viewer = ctx.viewer(c.session);
        String last = start;
        while (!stopped.getAsBoolean() && c.channel.isActive()) {
            List<StreamEntry> entries;
            try {
                entries = ctx.ports().events().readBlocking(key, last, 100, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("reading {} failed, retrying in 1 s: {}", key, e.toString());
                pause();
                continue;
            }
            for (StreamEntry e : entries) {
                last = e.id();
                if (!c.channel.isActive()) {
                    continue;
                }
                AgentEvent event = AgentEvent.of(e.fields());
                if (event instanceof AgentEvent.ScreenPopEvent pop) {
                    deliverPop(c, viewer, e.id(), pop);
                } else if (event instanceof AgentEvent.DeadlineEvent deadline) {
                    deliverDeadline(c, e.id(), deadline);
                }
            }
        }
    }

    private void deliverPop(LiveConnections.Connection c, Actor viewer, String id, AgentEvent.ScreenPopEvent pop) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "pop");
        frame.put("id", id);
        frame.put("state", pop.state());
        Ticket ticket = null;
        if (pop.ticketId().isPresent()) {
            try {
                ticket = ctx.ports().tickets().find(pop.ticketId().get()).orElse(null);
            } catch (RuntimeException ex) {
                log.warn("screen pop {}: ticket {} could not be read: {}", id, pop.ticketId().get(), ex.toString());
            }
        }
        if (ticket != null && !ticket.visibleTo(viewer)) {
            frame.put("hidden", true);
        } else {
            frame.put("ticket", ticket == null ? null : TicketView.of(ticket));
            frame.put("ticketNumber", pop.ticketNumber());
            frame.put("callerNumber", pop.callerNumber());
            frame.put("callerName", pop.callerName());
            frame.put("line", pop.line());
            // the caller's history as the AMI side counted it for this agent (tip-offs never counted)
            frame.put("previousTickets", pop.previousTickets().orElse(null));
            frame.put("previousNumbers", pop.previousNumbers());
            frame.put("repeat", pop.repeat().orElse(null));
        }
        Instant published = pop.publishedAt().orElseGet(() -> entryTime(id));
        frame.put("publishedAt", published);
        c.channel.writeAndFlush(new TextWebSocketFrame(connections.text(frame))).addListener(f -> {
            if (f.isSuccess()) {
                ctx.metrics().screenPopDelivered(Duration.between(published, ctx.clock().instant()));
            }
        });
    }

    /** A deadline alert (the deadline watcher's): ticket number, step, due instant and state; no caller data. */
    private void deliverDeadline(LiveConnections.Connection c, String id, AgentEvent.DeadlineEvent deadline) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "deadline");
        frame.put("id", id);
        frame.put("ticketId", deadline.ticketId().orElse(null));
        frame.put("ticketNumber", deadline.ticketNumber());
        frame.put("step", deadline.step());
        frame.put("due", deadline.due());
        frame.put("state", deadline.state());
        connections.send(c.channel, frame);
    }

    /** The time in a stream entry id ({@code <millis>-<seq>}), for entries that do not say when they were published. */
    private static Instant entryTime(String id) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(id.substring(0, id.indexOf('-'))));
        } catch (RuntimeException ex) {
            return Instant.EPOCH;
        }
    }

    /** After a failed read: a second before the next try (the stream is down, not slow). */
    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
