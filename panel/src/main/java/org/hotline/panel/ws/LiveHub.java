package org.hotline.panel.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.micrometer.core.instrument.Counter;
import io.netty.channel.WriteBufferWaterMark;
import java.time.Duration;
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
import org.hotline.domain.store.Session;
import org.hotline.domain.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of the panel over WebSocket.
 *
 * <p><b>Screen pops.</b> After the page sends {@code {"type":"resume","after":<last pop id or
 * null>}}, the socket gets every entry of the user's stream ({@link EventStream#agentKey}) after
 * that id, each {@code screen-pop} entry as {@code {"type":"pop","id":...,"ticket":{...}}}.
 * Replay after a reconnect and live delivery are the same read, so nothing published while the
 * socket was down is missed (within the stream's retention) and nothing is delivered twice to one
 * connection. Without a last id the socket starts {@code popLookback} in the past. A pop whose
 * ticket the user may not see carries no caller data. Delivery latency (publication to frame
 * written) is recorded in {@code hotline_screen_pop_latency}.
 *
 * <p><b>One reader, many sockets.</b> No socket holds a Redis read of its own: one thread per
 * instance ({@link LiveFeedReader}) follows the {@link EventStream#FEED} with one blocking read
 * and pokes the sockets that follow the streams it names; a small pool of workers
 * ({@link AgentStreamPump}) reads each poked socket's stream after its last id and writes the
 * frames. <b>Back-pressure:</b> every live socket has an outbound buffer of at most
 * {@link #HIGH_WATER} bytes; a browser that does not read fast enough is dropped (closed at once,
 * counted in {@code hotline_panel_websocket_dropped_total{reason="slow"}}) instead of delaying
 * the others or holding memory, and the page reconnects and replays from its last event id.
 *
 * <p>Event convention (what the AMI client publishes): {@code type=screen-pop}, {@code ticketId},
 * {@code callerNumber}, {@code callerName}, {@code line}, {@code publishedAt} (epoch millis;
 * when absent the stream id's millisecond part is used), optionally {@code state} (RINGING,
 * ANSWERED, ENDED, MISSED; default RINGING) and {@code ticketNumber}, passed on to the page.
 * Entries of {@code type=deadline} (the deadline watcher's reminders and escalations) go out as
 * {@code {"type":"deadline","id","ticketId","ticketNumber","step","due","state"}} on the same
 * read, so they are replayed after a reconnect like pops.
 *
 * <p><b>Wallboard.</b> Supervisors, duty managers and admins get {@code {"type":"board","data":...}}
 * every {@code wallboardEvery}. <b>Presence.</b> While an agent has a socket open, its presence
 * is refreshed before it expires. <b>Sessions.</b> An open socket keeps its session alive; a
 * socket whose session ended (log-out) is closed with code 4401 within two seconds.
 *
 * <p>The jobs are apart: {@link LiveConnections} (the sockets, their slots and streams),
 * {@link LiveFeedReader} (the one read), {@link AgentStreamPump} (pops and deadline alerts),
 * {@link WallboardPush} (the board) and {@link SocketUpkeep} (sessions and presence); this class
 * is the endpoint that starts them. Thread-safe. Owns its reader, worker and ticker threads;
 * {@link #close()} stops them.
 */
public final class LiveHub implements WebSocketEndpoint, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    /** A live socket's outbound buffer: above this it is not writable, and the next frame drops it. */
    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 128 * 1024;

    private final PanelContext ctx;
    private final LiveConnections connections;
    private final AgentStreamPump delivery;
    private final WallboardPush board;
    private final ExecutorService workers;
    private final ScheduledExecutorService ticker;
    private final Thread reader;
    private final Counter droppedSlow;
    private volatile boolean closed;

    public LiveHub(PanelContext ctx, Wallboard wallboard, SessionStore sessions) {
        this.ctx = ctx;
        this.droppedSlow = Counter.builder("hotline.panel.websocket.dropped")
                .description("Live sockets closed by the server because the browser did not keep up")
                .tag("reason", "slow").register(ctx.metrics().registry());
        this.connections = new LiveConnections(ctx.policy().maxLiveSockets(), ctx.json(), c -> {
            droppedSlow.increment();
            log.info("live socket of {} dropped: its browser did not keep up (it reconnects and replays)",
                    c.session.username());
        });
        this.board = new WallboardPush(wallboard, connections);
        SocketUpkeep upkeep = new SocketUpkeep(ctx, sessions, connections);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "panel-live-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "panel-live-ticker");
            t.setDaemon(true);
            return t;
        });
        this.delivery = new AgentStreamPump(ctx, connections, workers, ticker);
        long every = ctx.policy().wallboardEvery().toMillis();
        ticker.scheduleWithFixedDelay(board::tick, every, every, TimeUnit.MILLISECONDS);
        long refresh = Math.max(1000, ctx.policy().presenceTtl().toMillis() / 3);
        ticker.scheduleWithFixedDelay(upkeep::refreshPresence, refresh, refresh, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(upkeep::checkSessions, 2, 2, TimeUnit.SECONDS);
        ctx.metrics().registry().gauge("hotline.panel.websockets", connections.asMap(), Map::size);
        this.reader = new Thread(new LiveFeedReader(ctx.ports().events(),
                stream -> connections.following(stream).forEach(delivery::poke),
                () -> connections.all().forEach(delivery::poke),
                () -> closed, Duration.ofSeconds(1)), "panel-live-feed");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void opened(Channel channel, Session session) {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LOW_WATER, HIGH_WATER));
        connections.opened(channel, session);
        if (session.role().isManager()) {
            workers.execute(() -> board.first(channel));
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
        if (type.equals("resume") && !c.resumed) {
            String after = msg.path("after").isTextual() ? msg.path("after").textValue() : null;
            c.lastId = after != null && STREAM_ID.matcher(after).matches() ? after
                    : ctx.clock().instant().minus(ctx.policy().popLookback()).toEpochMilli() + "-0";
            c.resumed = true;
            connections.follow(c);
            delivery.poke(c);
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
        reader.interrupt();
        ticker.shutdownNow();
        workers.shutdownNow();
    }
}
