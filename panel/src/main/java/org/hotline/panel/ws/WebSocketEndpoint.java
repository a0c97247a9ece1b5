package org.hotline.panel.ws;

import io.netty.channel.Channel;
import org.hotline.panel.auth.Session;

/**
 * What the server calls for an authenticated WebSocket: opened after the handshake, each text
 * frame, and closed. Calls for one channel come from its event loop, in order; implementations
 * must not block.
 */
public interface WebSocketEndpoint {
    /** Whether one more socket may be opened now (checked before the handshake). */
    default boolean hasRoom() {
        return true;
    }

    void opened(Channel channel, Session session);

    void text(Channel channel, Session session, String text);

    void closed(Channel channel, Session session);
}
