package org.hotline.ivr.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The Asterisk side of the load: keeps {@code calls} FastAGI calls open at all times (a call
 * that ends is replaced at once), answers prompts and key entries after a think time like a
 * caller, other commands at once, and records each command's round trip: the time from the
 * channel's previous write (environment or reply) to the server's next command.
 * Runs on one event-loop thread. Thread-safe for the reading methods.
 */
final class LoadClient implements AutoCloseable {

    private final InetSocketAddress server;
    private final int calls;
    private final long thinkMillis;
    private final int commandsPerCall;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Recorder roundTrips = new Recorder(3);
    private final AtomicInteger held = new AtomicInteger();
    private final LongAdder commands = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;
    private volatile boolean measuring;
    private final Bootstrap bootstrap;

    LoadClient(InetSocketAddress server, int calls, long thinkMillis, int commandsPerCall) {
        this.server = server;
        this.calls = calls;
        this.thinkMillis = thinkMillis;
        this.commandsPerCall = commandsPerCall;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LineBasedFrameDecoder(8192),
                                new StringDecoder(StandardCharsets.UTF_8), new StringEncoder(StandardCharsets.UTF_8),
                                new CallHandler());
                    }
                });
    }

    /** Opens the calls, about four new connections per millisecond. */
    void start() throws InterruptedException {
        for (int i = 0; i < calls; i++) {
            connect();
            if (i % 4 == 3) {
                Thread.sleep(1);
            }
        }
    }

    private void connect() {
        bootstrap.connect(server).addListener(done -> {
            if (!done.isSuccess()) {
                failed.increment();
                if (running) {
                    group.schedule(this::connect, 100, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    int held() {
        return held.get();
    }

    /** Starts a measurement window: forgets round trips and counters seen so far. */
    void startMeasuring() {
        roundTrips.reset();
        commands.reset();
        completed.reset();
        failed.reset();
        measuring = true;
    }

    Histogram roundTrips() {
        return roundTrips.getIntervalHistogram();
    }

    long commands() {
        return commands.sum();
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return failed.sum();
    }

    @Override
    public void close() {
        running = false;
        measuring = false;
        open.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class CallHandler extends ChannelInboundHandlerAdapter {
        private long lastWrite;
        private int received;
        private static final String ENVIRONMENT = "agi_network: yes\nagi_network_script: bench\n"
                + "agi_request: agi://127.0.0.1/bench\nagi_channel: SIM/bench\nagi_language: en\nagi_type: SIM\n"
                + "agi_uniqueid: 1700000000.1\nagi_version: 22.0.0\nagi_callerid: 13912345678\n"
                + "agi_calleridname: unknown\nagi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\n"
                + "agi_callingtns: 0\nagi_dnid: 4008001234\nagi_rdnis: unknown\nagi_context: hotline\n"
                + "agi_extension: 4008001234\nagi_priority: 1\nagi_enhanced: 0.0\nagi_accountcode: \n"
                + "agi_threadid: 1\n\n";

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            open.add(ctx.channel());
            held.incrementAndGet();
            write(ctx.channel(), ENVIRONMENT);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long now = System.nanoTime();
            String command = (String) msg;
            received++;
            if (measuring) {
                roundTrips.recordValue(Math.max(1, (now - lastWrite) / 1000));
                commands.increment();
            }
            Channel channel = ctx.channel();
            if (command.startsWith("STREAM FILE") || command.startsWith("GET DATA")) {
                String reply = command.startsWith("GET DATA") ? "200 result=1\n" : "200 result=0 endpos=16000\n";
                channel.eventLoop().schedule(() -> write(channel, reply), thinkMillis, TimeUnit.MILLISECONDS);
            } else {
                write(channel, command.startsWith("ANSWER") ? "200 result=0\n" : "200 result=1\n");
            }
        }

        private void write(Channel channel, String text) {
            if (channel.isActive()) {
                lastWrite = System.nanoTime();
                channel.writeAndFlush(text);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            held.decrementAndGet();
            if (received >= commandsPerCall) {
                completed.increment();
            } else {
                failed.increment();
            }
            if (running) {
                connect();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
