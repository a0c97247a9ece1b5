package org.hotline.panel.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.hotline.domain.ticket.Presence;
import org.hotline.panel.api.PanelContext;
import org.hotline.panel.auth.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps open sockets in step with sessions and presence: an open socket keeps its session
 * alive (an agent's panel open all shift does not time out) and a socket whose session ended
 * (log-out, removed user) is closed with code 4401; an agent with a socket open keeps its
 * presence from expiring. Runs on the hub's ticker. Thread-safe.
 */
final class SocketUpkeep {
    private static final Logger log = LoggerFactory.getLogger(SocketUpkeep.class);

    private final PanelContext ctx;
    private final SessionStore sessions;
    private final LiveConnections connections;

    SocketUpkeep(PanelContext ctx, SessionStore sessions, LiveConnections connections) {
        this.ctx = ctx;
        this.sessions = sessions;
        this.connections = connections;
    }

    void checkSessions() {
        try {
            for (LiveConnections.Connection c : connections.all()) {
                if (sessions.touch(c.session.id()).isEmpty()) {
                    c.channel.writeAndFlush(new CloseWebSocketFrame(4401, "session ended"))
                            .addListener(ChannelFutureListener.CLOSE);
                    connections.forget(c.channel);
                }
            }
        } catch (RuntimeException e) {
            log.warn("session check failed: {}", e.toString());
        }
    }

    void refreshPresence() {
        try {
            connections.all().stream().map(c -> c.session.username()).distinct().forEach(agent -> {
                Presence p = ctx.ports().presence().get(agent).orElse(null);
                if (p != null) {
                    ctx.ports().presence().set(agent, p.state(), p.reason(), ctx.policy().presenceTtl());
                }
            });
        } catch (RuntimeException e) {
            log.warn("presence refresh failed: {}", e.toString());
        }
    }
}
