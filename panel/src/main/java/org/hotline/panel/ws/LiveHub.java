package org.hotline.panel.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.hotline.domain.store.AgentEvent;
import org.hotline.panel.api.PanelContext;
import org.hotline.panel.api.TicketView;
import org.hotline.panel.api.Wallboard;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.hotline.panel.auth.Session;
import org.hotline.panel.auth.SessionStore;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.Presence;
import org.hotline.domain.store.StreamEntry;
import org.hotline.domain.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of the panel over WebSocket.
 *
 * <p><b>Screen pops.</b> After the page sends {@code {"type":"resume","after":<last pop id or
 * null>}}, one pump thread per connection reads the user's stream
 * ({@link EventStream#agentKey}) after that id with blocking reads and writes each
 * {@code screen-pop} entry as {@code {"type":"pop","id":...,"ticket":{...}}}. Replay after a
 * reconnect and live delivery are the same loop, so nothing published while the socket was down
 * is missed (within the stream's retention) and nothing is delivered twice to one connection.
 * Without a last id the pump starts {@code popLookback} in the past. A pop whose ticket the user
 * may not see carries no caller data. Delivery latency (publication to frame written) is
 * recorded in {@code hotline_screen_pop_latency}.
 *
 * <p>Event convention (what the AMI client publishes): {@code type=screen-pop}, {@code ticketId},
 * {@code callerNumber}, {@code callerName}, {@code line}, {@code publishedAt} (epoch millis;
 * when absent the stream id's millisecond part is used), optionally {@code state} (RINGING,
 * ANSWERED, ENDED, MISSED; default RINGING) and {@code ticketNumber}, passed on to the page.
 * Entries of {@code type=deadline} (the deadline watcher's reminders and escalations) go out as
 * {@code {"type":"deadline","id","ticketId","ticketNumber","step","due","state"}} on the same
 * loop, so they are replayed after a reconnect like pops.
 *
 * <p><b>Wallboard.</b> Supervisors, duty managers and admins get {@code {"type":"board","data":...}}
 * every {@code wallboardEvery}. <b>Presence.</b> While an agent has a socket open, its presence
 * is refreshed before it expires. <b>Sessions.</b> An open socket keeps its session alive; a
 * socket whose session ended (log-out) is closed with code 4401 within two seconds.
 *
 * <p>Thread-safe. Owns its pump and ticker threads; {@link #close()} stops them.
 */
public final class LiveHub implements WebSocketEndpoint, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

    private final PanelContext ctx;
    private final Wallboard wallboard;
    private final SessionStore sessions;
    private final Map<Channel, Connection> connections = new ConcurrentHashMap<>();
    /** Sockets reserved at upgrade and not yet closed (bounded by {@code maxLiveSockets}). */
    private final AtomicInteger reserved = new AtomicInteger();
    private final ExecutorService pumps;
    private final ScheduledExecutorService ticker;
    private volatile boolean closed;

    private static final class Connection {
        final Channel channel;
        final Session session;
        volatile boolean pumping;

        Connection(Channel channel, Session session) {
            this.channel = channel;
            this.session = session;
        }
    }

    public LiveHub(PanelContext ctx, Wallboard wallboard, SessionStore sessions) {
        this.ctx = ctx;
        this.wallboard = wallboard;
        this.sessions = sessions;
        AtomicInteger n = new AtomicInteger();
        this.pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "panel-pop-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "panel-live-ticker");
            t.setDaemon(true);
            return t;
        });
        long every = ctx.policy().wallboardEvery().toMillis();
        ticker.scheduleWithFixedDelay(this::pushBoard, every, every, TimeUnit.MILLISECONDS);
        long refresh = Math.max(1000, ctx.policy().presenceTtl().toMillis() / 3);
        ticker.scheduleWithFixedDelay(this::refreshPresence, refresh, refresh, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::checkSessions, 2, 2, TimeUnit.SECONDS);
        ctx.metrics().registry().gauge("hotline.panel.websockets", connections, Map::size);
    }

    @Override
    public void opened(Channel channel, Session session) {
        connections.put(channel, new Connection(channel, session));
        if (session.role().isManager()) {
            pumps.execute(() -> {
                try {
                    send(channel, Map.of("type", "board", "data", wallboard.snapshot()));
                } catch (RuntimeException e) {
                    log.warn("wallboard snapshot failed: {}", e.toString());
                }
            });
        }
    }

    @Override
    public void text(Channel channel, Session session, String text) {
        Connection c = connections.get(channel);
        if (c == null) {
            return;
        }
        JsonNode msg;
        try {
            msg = ctx.json().parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            send(channel, Map.of("type", "error", "message", "messages must be JSON objects"));
            return;
        }
        String type = msg.path("type").asText("");
        if (type.equals("resume") && !c.pumping) {
            c.pumping = true;
            String after = msg.path("after").isTextual() ? msg.path("after").textValue() : null;
            String start = after != null && STREAM_ID.matcher(after).matches() ? after
                    : ctx.clock().instant().minus(ctx.policy().popLookback()).toEpochMilli() + "-0";
            pumps.execute(() -> pump(c, start));
        } else if (type.equals("ping")) {
            send(channel, Map.of("type", "pong"));
        }
    }

    @Override
    public void closed(Channel channel, Session session) {
        connections.remove(channel);
        reserved.decrementAndGet();
    }

    public int connectionCount() { return connections.size(); }

    @Override
    public boolean tryReserve() {
        while (true) {
            int now = reserved.get();
            if (now >= ctx.policy().maxLiveSockets()) {
                return false;
            }
            if (reserved.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private void pump(Connection c, String start) {
        String key = EventStream.agentKey(c.session.username());
        Actor viewer = PanelContext.actor(c.session);
        String last = start;
        while (!closed && c.channel.isActive()) {
            List<StreamEntry> entries;
            try {
                entries = ctx.ports().events().readBlocking(key, last, 100, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("reading {} failed, retrying in 1 s: {}", key, e.toString());
                sleep(1000);
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

    private void deliverPop(Connection c, Actor viewer, String id, AgentEvent.ScreenPopEvent pop) {
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
        }
        Instant published = pop.publishedAt().orElseGet(() -> entryTime(id));
        frame.put("publishedAt", published);
        c.channel.writeAndFlush(new TextWebSocketFrame(new String(ctx.json().write(frame),
                java.nio.charset.StandardCharsets.UTF_8))).addListener(f -> {
            if (f.isSuccess()) {
                ctx.metrics().screenPopDelivered(Duration.between(published, ctx.clock().instant()));
            }
        });
    }

    /** A deadline alert (the deadline watcher's): ticket number, step, due instant and state; no caller data. */
    private void deliverDeadline(Connection c, String id, AgentEvent.DeadlineEvent deadline) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "deadline");
        frame.put("id", id);
        frame.put("ticketId", deadline.ticketId().orElse(null));
        frame.put("ticketNumber", deadline.ticketNumber());
        frame.put("step", deadline.step());
        frame.put("due", deadline.due());
        frame.put("state", deadline.state());
        send(c.channel, frame);
    }

    /** The time in a stream entry id ({@code <millis>-<seq>}), for entries that do not say when they were published. */
    private static Instant entryTime(String id) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(id.substring(0, id.indexOf('-'))));
        } catch (RuntimeException ex) {
            return Instant.EPOCH;
        }
    }

    private void pushBoard() {
        try {
            var boards = connections.values().stream().filter(c -> c.session.role().isManager()).toList();
            if (boards.isEmpty()) {
                return;
            }
            byte[] frame = ctx.json().write(Map.of("type", "board", "data", wallboard.snapshot()));
            String text = new String(frame, java.nio.charset.StandardCharsets.UTF_8);
            boards.forEach(c -> c.channel.writeAndFlush(new TextWebSocketFrame(text)));
        } catch (RuntimeException e) {
            log.warn("wallboard push failed: {}", e.toString());
        }
    }

    /**
     * An open socket keeps its session alive (an agent's panel open all shift does not time out);
     * a session that ended (log-out, removed user) closes its sockets within two seconds.
     */
    private void checkSessions() {
        try {
            for (Connection c : connections.values()) {
                if (sessions.touch(c.session.id()).isEmpty()) {
                    c.channel.writeAndFlush(new CloseWebSocketFrame(4401, "session ended"))
                            .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
                    connections.remove(c.channel);
                }
            }
        } catch (RuntimeException e) {
            log.warn("session check failed: {}", e.toString());
        }
    }

    private void refreshPresence() {
        try {
            connections.values().stream().map(c -> c.session.username()).distinct().forEach(agent -> {
                Presence p = ctx.ports().presence().get(agent).orElse(null);
                if (p != null) {
                    ctx.ports().presence().set(agent, p.state(), p.reason(), ctx.policy().presenceTtl());
                }
            });
        } catch (RuntimeException e) {
            log.warn("presence refresh failed: {}", e.toString());
        }
    }

    private void send(Channel channel, Object message) {
        channel.writeAndFlush(new TextWebSocketFrame(new String(ctx.json().write(message),
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        pumps.shutdownNow();
    }
}
