package org.hotline.panel;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Codecs only: HTTP/1.1 with limits on the request line, headers and body (oversized bodies
 * get 413 from the aggregator), then the shared {@link PanelServerHandler}. A WebSocket upgrade
 * swaps the HTTP codecs for frame codecs inside the handler.
 */
final class PanelServerInitializer extends ChannelInitializer<SocketChannel> {
    private final PanelConfig config;
    private final PanelServerHandler handler;

    PanelServerInitializer(PanelConfig config, PanelServerHandler handler) {
        this.config = config;
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("http", new HttpServerCodec(4096, config.maxHeaderBytes(), 8192))
                .addLast("aggregate", new HttpObjectAggregator(config.maxRequestBytes()))
                .addLast("panel", handler);
    }
}
