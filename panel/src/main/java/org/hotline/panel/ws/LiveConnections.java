package org.hotline.panel.ws;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.panel.auth.Session;
import org.hotline.panel.http.Json;

/**
 * The open live sockets and their sessions, the slots reserved at upgrade (at most {@code max}),
 * and writing a JSON message to one socket. Thread-safe.
 */
final class LiveConnections {

    /** One open socket. {@code pumping} is set once its stream pump has started. */
    static final class Connection {
        final Channel channel;
        final Session session;
        volatile boolean pumping;

        Connection(Channel channel, Session session) {
            this.channel = channel;
            this.session = session;
        }
    }

    private final Map<Channel, Connection> open = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final int max;
    private final Json json;

    LiveConnections(int max, Json json) {
        this.max = max;
        this.json = json;
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

    /** The socket closed: it leaves the registry and gives its reserved slot back. */
    void closed(Channel channel) {
        open.remove(channel);
        reserved.decrementAndGet();
    }

    /** Drops a socket from the registry (its slot is given back when it closes). */
    void forget(Channel channel) {
        open.remove(channel);
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

    void send(Channel channel, Object message) {
        channel.writeAndFlush(new TextWebSocketFrame(text(message)));
    }

    String text(Object message) {
        return new String(json.write(message), StandardCharsets.UTF_8);
    }
}
