package org.hotline.panel.ws;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.Session;
import org.hotline.panel.http.Json;

/**
 * The open live sockets and their sessions, the slots reserved at upgrade (at most {@code max}),
 * which sockets follow which stream, and writing a JSON message to one socket. A socket whose
 * outbound buffer is full (the browser does not read fast enough) is not written to but dropped,
 * so it never holds memory or delays anyone else: the page reconnects and replays from its last
 * event id. Thread-safe.
 */
final class LiveConnections {

    /**
     * One open socket. Once the page has sent {@code resume}, {@code lastId} is the last entry of
     * the user's stream written to it; {@code scheduled} and {@code dirty} serialize its delivery
     * (see {@link AgentStreamPump}).
     */
    static final class Connection {
        final Channel channel;
        final Session session;
        final String streamKey;
        volatile boolean resumed;
        volatile String lastId;
        volatile boolean dirty;
        final AtomicBoolean scheduled = new AtomicBoolean();

        Connection(Channel channel, Session session) {
            this.channel = channel;
            this.session = session;
            this.streamKey = EventStream.agentKey(session.username());
        }
    }

    private final Map<Channel, Connection> open = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byStream = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final int max;
    private final Json json;
    private final Consumer<Connection> onSlow;

    /** @param onSlow told once per socket dropped for a full outbound buffer (metrics, log) */
    LiveConnections(int max, Json json, Consumer<Connection> onSlow) {
        this.max = max;
        this.json = json;
        this.onSlow = onSlow;
    }

    boolean tryReserve() {
        while (true) {
            int now = reserved.get();
            if (now >= max) {
                return false;
            }
            if (reserved.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    Connection opened(Channel channel, Session session) {
        Connection c = new Connection(channel, session);
        open.put(channel, c);
        return c;
    }

    Connection get(Channel channel) {
        return open.get(channel);
    }

    /** The socket has resumed: from now on, entries announced for its stream are delivered to it. */
    void follow(Connection c) {
        byStream.computeIfAbsent(c.streamKey, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    /** The sockets following a stream (none: an empty set). */
    Collection<Connection> following(String streamKey) {
        Set<Connection> s = byStream.get(streamKey);
        return s == null ? Set.of() : s;
    }

    /** The socket closed: it leaves the registry and gives its reserved slot back. */
    void closed(Channel channel) {
        Connection c = open.remove(channel);
        unfollow(c);
        reserved.decrementAndGet();
    }

    /** Drops a socket from the registry (its slot is given back when it closes). */
    void forget(Channel channel) {
        unfollow(open.remove(channel));
    }

    private void unfollow(Connection c) {
        if (c != null) {
            byStream.computeIfPresent(c.streamKey, (k, s) -> {
                s.remove(c);
                return s.isEmpty() ? null : s;
            });
        }
    }

    Collection<Connection> all() {
        return open.values();
    }

    int size() {
        return open.size();
    }

    Map<Channel, Connection> asMap() {
        return open;
    }

    /**
     * Writes one message, unless the socket's outbound buffer is above its high-water mark: then
     * the socket is closed at once (the browser reconnects and replays) and false is returned.
     */
    boolean send(Channel channel, Object message) {
        return sendText(channel, text(message));
    }

    /** Like {@link #send} with an already rendered message. */
    boolean sendText(Channel channel, String text) {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            drop(channel);
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(text));
        return true;
    }

    /** Closes a socket that cannot keep up, without waiting for what is queued to it to be sent. */
    void drop(Channel channel) {
        Connection c = open.get(channel);
        if (c != null) {
            forget(channel);
            onSlow.accept(c);
        }
        channel.close();
    }

    String text(Object message) {
        return new String(json.write(message), StandardCharsets.UTF_8);
    }
}
