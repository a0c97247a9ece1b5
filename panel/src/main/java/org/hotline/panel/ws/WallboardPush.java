package org.hotline.panel.ws;

import io.netty.channel.Channel;
import java.util.Map;
import org.hotline.panel.api.Wallboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallboard on the live socket: the sockets of managers ({@code Role.isManager}) get
 * {@code {"type":"board","data":...}} when they open and then on every tick (a socket that
 * cannot take it is dropped, {@link LiveConnections#send}). Thread-safe.
 */
final class WallboardPush {
    private static final Logger log = LoggerFactory.getLogger(WallboardPush.class);

    private final Wallboard wallboard;
    private final LiveConnections connections;

    WallboardPush(Wallboard wallboard, LiveConnections connections) {
        this.wallboard = wallboard;
        this.connections = connections;
    }

    /** The board for one socket that just opened. */
    void first(Channel channel) {
        try {
            connections.send(channel, Map.of("type", "board", "data", wallboard.snapshot()));
        } catch (RuntimeException e) {
            log.warn("wallboard snapshot failed: {}", e.toString());
        }
    }

    /** One tick: the same snapshot to every manager's socket. */
    void tick() {
        try {
            var boards = connections.all().stream().filter(c -> c.session.role().isManager()).toList();
            if (boards.isEmpty()) {
                return;
            }
            String text = connections.text(Map.of("type", "board", "data", wallboard.snapshot()));
            boards.forEach(c -> connections.sendText(c.channel, text));
        } catch (RuntimeException e) {
            log.warn("wallboard push failed: {}", e.toString());
        }
    }
}
