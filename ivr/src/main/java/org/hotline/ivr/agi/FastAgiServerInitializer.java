package org.hotline.ivr.agi;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Supplier;

/** Codecs only: {@link AgiDecoder}, {@link AgiEncoder}, then a fresh {@link FastAgiServerHandler}. */
final class FastAgiServerInitializer extends ChannelInitializer<SocketChannel> {
    private static final AgiEncoder ENCODER = new AgiEncoder();
    private final Supplier<FastAgiServerHandler> handlers;

    FastAgiServerInitializer(Supplier<FastAgiServerHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast(new AgiDecoder(), ENCODER, handlers.get());
    }
}
