package org.hotline.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What the load drivers that play Asterisk to a FastAGI server share: the connections and the callers' pace. */
public final class AgiCallers {
    private AgiCallers() {
    }

    /**
     * Connections to a FastAGI server as Asterisk opens them (no Nagle, a 10 s connect timeout),
     * each reading the server's commands line by line into a new {@code call} handler.
     */
    public static Bootstrap bootstrap(EventLoopGroup group, Supplier<ChannelHandler> call) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LineBasedFrameDecoder(8192), call.get());
                    }
                });
    }

    /**
     * A caller's think time, uniform in [(1 - jitter) t, (1 + jitter) t] so callers do not move in
     * lockstep, drawn from {@code random}: the same seed gives the same times in the same order.
     * Not thread-safe (one event loop draws).
     */
    public static final class ThinkTime {
        private final SplittableRandom random;
        private final long meanNanos;
        private final long spreadNanos;

        public ThinkTime(SplittableRandom random, long meanMillis, double jitter) {
            this.random = random;
            this.meanNanos = TimeUnit.MILLISECONDS.toNanos(meanMillis);
            this.spreadNanos = (long) (meanNanos * jitter);
        }

        public long nextNanos() {
            return meanNanos - spreadNanos + random.nextLong(2 * spreadNanos + 1);
        }
    }
}
