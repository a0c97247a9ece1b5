package org.hotline.panel.ws;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.domain.store.AgentEvent;
import org.hotline.domain.store.StreamEntry;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.Ticket;
import org.hotline.panel.api.PanelContext;
import org.hotline.panel.api.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screen pops and deadline alerts for one socket at a time, on a small shared pool of workers:
 * when {@link #poke} says the user's stream has something new (the feed named it, or the page
 * just resumed), a worker reads the stream after the socket's last entry ({@code readAfter},
 * never a blocking read) and writes each {@link AgentEvent.ScreenPopEvent} as a {@code pop}
 * frame (no caller data when the user may not see the ticket; delivery latency recorded) and each
 * {@link AgentEvent.DeadlineEvent} as a {@code deadline} frame. Replay after a reconnect and live
 * delivery are the same read, so nothing is missed or sent twice to one socket.
 *
 * <p>One socket is worked by at most one worker at a time ({@code scheduled}); a poke while it
 * is being worked sets {@code dirty} and the worker reads again. Writes never wait on the
 * network: a socket whose outbound buffer is full is dropped ({@link LiveConnections#send}), so
 * one slow browser holds a worker no longer than one stream read. A failed read is retried a
 * second later. Thread-safe.
 */
final class AgentStreamPump {
    private static final Logger log = LoggerFactory.getLogger(AgentStreamPump.class);
    /** Entries read per round trip; a socket far behind is caught up in several. */
    static final int BATCH = 100;

    private final PanelContext ctx;
    private final LiveConnections connections;
    private final Executor workers;
    private final ScheduledExecutorService retries;

    AgentStreamPump(PanelContext ctx, LiveConnections connections, Executor workers, ScheduledExecutorService retries) {
        this.ctx = ctx;
        this.connections = connections;
        this.workers = workers;
        this.retries = retries;
    }

    /** The socket's stream may have entries after its last id: deliver them soon, on a worker. */
    void poke(LiveConnections.Connection c) {
        c.dirty = true;
        if (c.resumed && c.channel.isActive() && c.scheduled.compareAndSet(false, true)) {
            workers.execute(() -> drain(c));
        }
    }

    private void drain(LiveConnections.Connection c) {
        boolean again;
        do {
            try {
                do {
                    c.dirty = false;
                    if (!drainOnce(c)) {
                        return;
                    }
                } while (c.dirty);
            } finally {
                c.scheduled.set(false);
            }
            // a poke that came after the last read but before the flag was cleared
            again = c.dirty && c.channel.isActive() && c.scheduled.compareAndSet(false, true);
        } while (again);
    }

    /** Reads and writes everything after the socket's last id; false when the socket is gone or the read failed. */
    private boolean drainOnce(LiveConnections.Connection c) {
        Actor viewer = ctx.viewer(c.session);
        while (true) {
            List<StreamEntry> entries;
            try {
                entries = ctx.ports().events().readAfter(c.streamKey, c.lastId, BATCH);
            } catch (RuntimeException e) {
                log.warn("reading {} failed, retrying in 1 s: {}", c.streamKey, e.toString());
                retries.schedule(() -> poke(c), 1, TimeUnit.SECONDS);
                return false;
            }
            for (StreamEntry e : entries) {
                if (!c.channel.isActive()) {
                    return false;
                }
                AgentEvent event = AgentEvent.of(e.fields());
                boolean written = true;
                if (event instanceof AgentEvent.ScreenPopEvent pop) {
                    written = deliverPop(c, viewer, e.id(), pop);
                } else if (event instanceof AgentEvent.DeadlineEvent deadline) {
                    written = deliverDeadline(c, e.id(), deadline);
                }
                if (!written) {
                    return false;
                }
                c.lastId = e.id();
            }
            if (entries.size() < BATCH) {
                return true;
            }
        }
    }

    private boolean deliverPop(LiveConnections.Connection c, Actor viewer, String id, AgentEvent.ScreenPopEvent pop) {
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
            // the caller's history counted over what this viewer may see (their reach, never a tip-off
            // they may not see); the AMI side's count for an agent when the store cannot answer now
            CallerHistory mine = null;
            if (pop.previousTickets().isPresent() && pop.callerNumber() != null && !pop.callerNumber().isBlank()) {
                try {
                    mine = ctx.ports().tickets().callerHistory(pop.callerNumber(),
                            ticket == null ? 0 : ticket.id(), viewer);
                } catch (RuntimeException ex) {
                    log.warn("screen pop {}: caller history could not be read: {}", id, ex.toString());
                }
            }
            if (mine != null) {
                frame.put("previousTickets", mine.previous().size());
                frame.put("previousNumbers", mine.previous().stream().limit(5).map(Ticket::number).toList());
                frame.put("repeat", mine.repeat());
            } else {
                frame.put("previousTickets", pop.previousTickets().orElse(null));
                frame.put("previousNumbers", pop.previousNumbers());
                frame.put("repeat", pop.repeat().orElse(null));
            }
        }
        Instant published = pop.publishedAt().orElseGet(() -> entryTime(id));
        frame.put("publishedAt", published);
        if (!c.channel.isActive()) {
            return false;
        }
        if (!c.channel.isWritable()) {
            connections.drop(c.channel);
            return false;
        }
        c.channel.writeAndFlush(new TextWebSocketFrame(connections.text(frame))).addListener(f -> {
            if (f.isSuccess()) {
                ctx.metrics().screenPopDelivered(Duration.between(published, ctx.clock().instant()));
            }
        });
        return true;
    }

    /** A deadline alert (the deadline watcher's): ticket number, step, due instant and state; no caller data. */
    private boolean deliverDeadline(LiveConnections.Connection c, String id, AgentEvent.DeadlineEvent deadline) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "deadline");
        frame.put("id", id);
        frame.put("ticketId", deadline.ticketId().orElse(null));
        frame.put("ticketNumber", deadline.ticketNumber());
        frame.put("step", deadline.step());
        frame.put("due", deadline.due());
        frame.put("state", deadline.state());
        return connections.send(c.channel, frame);
    }

    /** The time in a stream entry id ({@code <millis>-<seq>}), for entries that do not say when they were published. */
    private static Instant entryTime(String id) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(id.substring(0, id.indexOf('-'))));
        } catch (RuntimeException ex) {
            return Instant.EPOCH;
        }
    }
}
