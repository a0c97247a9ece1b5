package org.hotline.panel.ws;

import io.netty.channel.Channel;
import org.hotline.domain.store.Session;

/**
 * What the server calls for an authenticated WebSocket: opened after the handshake, each text
 * frame, and closed. Calls for one channel come from its event loop, in order; implementations
 * must not block.
 */
public interface WebSocketEndpoint {
    /**
     * Reserves room for one more socket before the handshake; false when full. Every successful
     * reservation is followed by exactly one {@link #closed} for that channel (also when the
     * handshake fails), which gives the room back.
     */
    default boolean tryReserve() {
        return true;
    }

    void opened(Channel channel, Session session);

    void text(Channel channel, Session session, String text);

    void closed(Channel channel, Session session);
}
