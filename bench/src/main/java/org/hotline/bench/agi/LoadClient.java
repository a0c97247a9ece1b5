package org.hotline.bench.agi;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.hotline.bench.AgiCallers;

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
    private final AgiCallers.ThinkTime thinkTimes;
    private final int commandsPerCall;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Recorder roundTrips = new Recorder(3);
    private final Recorder recent = new Recorder(3);
    private final AtomicInteger held = new AtomicInteger();
    private final LongAdder commands = new LongAdder();
    private final LongAdder frameworkCommands = new LongAdder();
    private final LongAdder waited = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;
    private volatile boolean measuring;
    private volatile boolean saturating;
    private final Bootstrap bootstrap;

    LoadClient(InetSocketAddress server, int calls, long thinkMillis, double thinkJitter, int commandsPerCall) {
        this.server = server;
        this.calls = calls;
        this.thinkTimes = new AgiCallers.ThinkTime(new SplittableRandom(20261124L), thinkMillis, thinkJitter);
        this.commandsPerCall = commandsPerCall;
        this.bootstrap = AgiCallers.bootstrap(group, CallHandler::new);
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

    /** From now on every command is answered at once: the servers' throughput, not the callers' pace. */
    void saturate() {
        saturating = true;
    }

    /** Starts a measurement window: forgets round trips and counters seen so far. */
    void startMeasuring() {
        roundTrips.reset();
        recent.reset();
        commands.reset();
        frameworkCommands.reset();
        waited.reset();
        completed.reset();
        failed.reset();
        measuring = true;
    }

    Histogram roundTrips() {
        return roundTrips.getIntervalHistogram();
    }

    /** Round trips since the previous call (for a timeline of the window). */
    Histogram recentRoundTrips() {
        return recent.getIntervalHistogram();
    }

    long commands() {
        return commands.sum();
    }

    /** Commands a server sends of its own accord (Asterisk-Java's {@code SET VARIABLE AJ_AGISTATUS}). */
    long frameworkCommands() {
        return frameworkCommands.sum();
    }

    /** Nanoseconds the completed calls spent on anything but the caller's thinking: connecting, waiting for the server. */
    long waitedNanos() {
        return waited.sum();
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

    private static ByteBuf constant(String text) {
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static final ByteBuf ENVIRONMENT = constant("agi_network: yes\nagi_network_script: bench\n"
            + "agi_request: agi://127.0.0.1/bench\nagi_channel: SIM/bench\nagi_language: en\nagi_type: SIM\n"
            + "agi_uniqueid: 1700000000.1\nagi_version: 22.0.0\nagi_callerid: 13912345678\n"
            + "agi_calleridname: unknown\nagi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\n"
            + "agi_callingtns: 0\nagi_dnid: 4008001234\nagi_rdnis: unknown\nagi_context: hotline\n"
            + "agi_extension: 4008001234\nagi_priority: 1\nagi_enhanced: 0.0\nagi_accountcode: \n"
            + "agi_threadid: 1\n\n");
    private static final ByteBuf RESULT_0 = constant("200 result=0\n");
    private static final ByteBuf RESULT_1 = constant("200 result=1\n");
    private static final ByteBuf PLAYED = constant("200 result=0 endpos=16000\n");
    private static final ByteBuf FRAMEWORK_STATUS = constant("SET VARIABLE \"AJ_AGISTATUS\"");

    /**
     * The caller's think time: uniform in [(1 - jitter) t, (1 + jitter) t], so callers do not move in lockstep.
     * Drawn from one seeded sequence on the event loop: every server gets the same think times in the same order.
     */
    private long thinkNanos() {
        return thinkTimes.nextNanos();
    }

    /** One call. Works on bytes: the driver must cost both servers as little as it can. */
    private final class CallHandler extends ChannelInboundHandlerAdapter {
        private final long createdAt = System.nanoTime();
        private long thought;
        private long lastWrite;
        private int received;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            open.add(ctx.channel());
            held.incrementAndGet();
            write(ctx.channel(), ENVIRONMENT);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long now = System.nanoTime();
            ByteBuf line = (ByteBuf) msg;
            try {
                received++;
                int at = line.readerIndex();
                int statusLength = FRAMEWORK_STATUS.readableBytes();
                boolean framework = line.readableBytes() >= statusLength
                        && ByteBufUtil.equals(line, at, FRAMEWORK_STATUS, 0, statusLength);
                if (measuring) {
                    long micros = Math.max(1, (now - lastWrite) / 1000);
                    roundTrips.recordValue(micros);
                    recent.recordValue(micros);
                    (framework ? frameworkCommands : commands).increment();
                }
                Channel channel = ctx.channel();
                byte first = line.readableBytes() > 1 ? line.getByte(at) : 0;
                byte second = line.readableBytes() > 1 ? line.getByte(at + 1) : 0;
                if (!saturating && (first == 'S' && second == 'T' || first == 'G' && second == 'E')) {
                    ByteBuf reply = first == 'G' ? RESULT_1 : PLAYED;
                    // a caller listening to the prompt or keying digits
                    long think = thinkNanos();
                    thought += think;
                    channel.eventLoop().schedule(() -> write(channel, reply), think, TimeUnit.NANOSECONDS);
                } else {
                    write(channel, first == 'A' ? RESULT_0 : first == 'S' && second == 'T' ? PLAYED : RESULT_1);
                }
            } finally {
                line.release();
            }
        }

        private void write(Channel channel, ByteBuf text) {
            if (channel.isActive()) {
                lastWrite = System.nanoTime();
                channel.writeAndFlush(text.duplicate(), channel.voidPromise());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            held.decrementAndGet();
            if (received >= commandsPerCall) {
                completed.increment();
                if (measuring) {
                    waited.add(System.nanoTime() - createdAt - thought);
                }
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
