package org.hotline.panel.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.hotline.domain.store.EventStream;
import org.hotline.panel.api.PanelContext;
import org.hotline.panel.api.Wallboard;
import org.hotline.panel.auth.Session;
import org.hotline.panel.auth.SessionStore;

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
 * <p>The jobs are apart: {@link LiveConnections} (the sockets and their slots),
 * {@link AgentStreamPump} (pops and deadline alerts), {@link WallboardPush} (the board) and
 * {@link SocketUpkeep} (sessions and presence); this class is the endpoint that starts them.
 * Thread-safe. Owns its pump and ticker threads; {@link #close()} stops them.
 */
public final class LiveHub implements WebSocketEndpoint, AutoCloseable {
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

    private final PanelContext ctx;
    private final LiveConnections connections;
    private final AgentStreamPump pump;
    private final WallboardPush board;
    private final ExecutorService pumps;
    private final ScheduledExecutorService ticker;
    private volatile boolean closed;

    public LiveHub(PanelContext ctx, Wallboard wallboard, SessionStore sessions) {
        this.ctx = ctx;
        this.connections = new LiveConnections(ctx.policy().maxLiveSockets(), ctx.json());
        this.pump = new AgentStreamPump(ctx, connections, () -> closed);
        this.board = new WallboardPush(wallboard, connections);
        SocketUpkeep upkeep = new SocketUpkeep(ctx, sessions, connections);
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
        ticker.scheduleWithFixedDelay(board::tick, every, every, TimeUnit.MILLISECONDS);
        long refresh = Math.max(1000, ctx.policy().presenceTtl().toMillis() / 3);
        ticker.scheduleWithFixedDelay(upkeep::refreshPresence, refresh, refresh, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(upkeep::checkSessions, 2, 2, TimeUnit.SECONDS);
        ctx.metrics().registry().gauge("hotline.panel.websockets", connections.asMap(), Map::size);
    }

    @Override
    public void opened(Channel channel, Session session) {
        connections.opened(channel, session);
        if (session.role().isManager()) {
            pumps.execute(() -> board.first(channel));
        }
    }

    @Override
    public void text(Channel channel, Session session, String text) {
        LiveConnections.Connection c = connections.get(channel);
        if (c == null) {
            return;
        }
        JsonNode msg;
        try {
            msg = ctx.json().parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            connections.send(channel, Map.of("type", "error", "message", "messages must be JSON objects"));
            return;
        }
        String type = msg.path("type").asText("");
        if (type.equals("resume") && !c.pumping) {
            c.pumping = true;
            String after = msg.path("after").isTextual() ? msg.path("after").textValue() : null;
            String start = after != null && STREAM_ID.matcher(after).matches() ? after
                    : ctx.clock().instant().minus(ctx.policy().popLookback()).toEpochMilli() + "-0";
            pumps.execute(() -> pump.pump(c, start));
        } else if (type.equals("ping")) {
            connections.send(channel, Map.of("type", "pong"));
        }
    }

    @Override
    public void closed(Channel channel, Session session) {
        connections.closed(channel);
    }

    public int connectionCount() { return connections.size(); }

    @Override
    public boolean tryReserve() {
        return connections.tryReserve();
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        pumps.shutdownNow();
    }
}
