package org.hotline.bench.call;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
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
 * Asterisk's side of the load: new calls arrive at a steady rate (one tick a millisecond, never in
 * waves), each plays a {@link CallerScript} through an {@link AsteriskChannel}; prompts and key
 * entries are answered after the caller's think time (uniform in 0.5x-1.5x of {@code thinkMillis}),
 * queues, forwards and messages after {@code holdMillis}. Records each command's round trip: from
 * the driver's write (environment or reply) to the server's next command. The arrival rate is
 * set by {@link #rate(double)}; the bench aims it at the wanted concurrency from the measured
 * call life (Little's law). Runs on one event-loop thread; the reading methods are thread-safe.
 */
final class CallerLoad implements AutoCloseable {

    private final InetSocketAddress server;
    private final String flow;
    private final long holdMillis;
    private final SplittableRandom random = new SplittableRandom(20261202L);
    private final AgiCallers.ThinkTime thinkTimes;
    private final String runId;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Bootstrap bootstrap;
    private final Recorder roundTrips = new Recorder(3);
    private final Recorder afterWrites = new Recorder(3);
    private final Recorder others = new Recorder(3);
    /** Round trips per kind of command, touched only on the event loop. */
    private final java.util.Map<String, Histogram> byCommand = new java.util.HashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private final LongAdder commands = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder lifeNanos = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder fallback = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder noTicket = new LongAdder();
    private volatile boolean running = true;
    private volatile boolean measuring;
    private volatile double ratePerSecond;
    private long sequence;
    private double owed;
    private ScheduledFuture<?> arrivals;

    CallerLoad(InetSocketAddress server, String flow, long thinkMillis, long holdMillis, String runId) {
        this.server = server;
        this.flow = flow;
        this.thinkTimes = new AgiCallers.ThinkTime(random, thinkMillis, 0.5);
        this.holdMillis = holdMillis;
        this.runId = runId;
        this.bootstrap = AgiCallers.bootstrap(group, CallHandler::new);
    }

    /** Starts the arrivals at {@code perSecond} new calls a second. */
    void start(double perSecond) {
        ratePerSecond = perSecond;
        arrivals = group.next().scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.MILLISECONDS);
    }

    void rate(double perSecond) {
        ratePerSecond = perSecond;
    }

    double rate() {
        return ratePerSecond;
    }

    private void tick() {
        if (!running) {
            return;
        }
        owed += ratePerSecond / 1000.0;
        while (owed >= 1) {
            owed -= 1;
            bootstrap.connect(server).addListener(done -> {
                if (!done.isSuccess()) {
                    failed.increment();
                }
            });
        }
    }

    private long thinkNanos() {
        return thinkTimes.nextNanos();
    }

    int held() {
        return held.get();
    }

    void startMeasuring() {
        roundTrips.reset();
        afterWrites.reset();
        others.reset();
        commands.reset();
        completed.reset();
        lifeNanos.reset();
        ok.reset();
        fallback.reset();
        failed.reset();
        noTicket.reset();
        group.next().execute(byCommand::clear);
        measuring = true;
    }

    Histogram roundTrips() {
        return roundTrips.getIntervalHistogram();
    }

    /**
     * Round trips of the commands the flow sends right after a ticket write it awaits (the
     * ticket number after the opening, the kind after the intake, the dial or queue after the
     * forward or queued outcome, the result after the answer): what the database adds.
     */
    Histogram afterWrites() {
        return afterWrites.getIntervalHistogram();
    }

    /** Round trips of every other command: what the service and the machine add. */
    Histogram others() {
        return others.getIntervalHistogram();
    }

    static boolean followsAWrite(String raw) {
        String command = raw.replace("\"", "");
        return command.startsWith("SET VARIABLE HOTLINE_TICKET") || command.startsWith("SET VARIABLE HOTLINE_KIND")
                || command.startsWith("EXEC Dial") || command.startsWith("EXEC Queue")
                || command.startsWith("SET VARIABLE HOTLINE_RESULT");
    }

    /** The command's verb and first argument without quotes: "EXEC Playback", "SET VARIABLE HOTLINE_TICKET". */
    static String kind(String command) {
        String[] words = command.replace("\"", "").split(" ", 4);
        return words.length >= 3 && (words[0].equals("EXEC") || words[1].equals("VARIABLE"))
                ? words[0] + " " + words[1] + (words[0].equals("EXEC") ? "" : " " + words[2])
                : words.length >= 2 && !words[0].equals("ANSWER") ? words[0] + " " + words[1] : words[0];
    }

    /** p99 and max round trip per kind of command (verb and first argument), slowest p99 first; after the phase. */
    String slowestCommands(int n) {
        CompletableFutureHolder holder = new CompletableFutureHolder();
        group.next().execute(() -> {
            StringBuilder out = new StringBuilder();
            byCommand.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue().getValueAtPercentile(99), a.getValue().getValueAtPercentile(99)))
                    .limit(n)
                    .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%s: n=%d p50=%.2f p99=%.2f max=%.1f ms; ",
                            e.getKey(), e.getValue().getTotalCount(), e.getValue().getValueAtPercentile(50) / 1000.0,
                            e.getValue().getValueAtPercentile(99) / 1000.0, e.getValue().getMaxValue() / 1000.0)));
            holder.future.complete(out.toString());
        });
        try {
            return holder.future.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(no breakdown: " + e + ")";
        }
    }

    private static final class CompletableFutureHolder {
        final java.util.concurrent.CompletableFuture<String> future = new java.util.concurrent.CompletableFuture<>();
    }

    long commands() {
        return commands.sum();
    }

    long completed() {
        return completed.sum();
    }

    /** Mean life of the calls completed since the last {@link #startMeasuring()} (or the start), in seconds. */
    double meanLifeSeconds() {
        long n = completed.sum();
        return n == 0 ? 0 : lifeNanos.sum() / 1e9 / n;
    }

    long ok() {
        return ok.sum();
    }

    long fallback() {
        return fallback.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Calls that ended without the service having set HOTLINE_TICKET. */
    long noTicket() {
        return noTicket.sum();
    }

    @Override
    public void close() {
        running = false;
        measuring = false;
        if (arrivals != null) {
            arrivals.cancel(false);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class CallHandler extends ChannelInboundHandlerAdapter {
        private final long createdAt = System.nanoTime();
        private AsteriskChannel channel;
        private long lastWrite;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = new AsteriskChannel(CallerScript.next(random), runId + "." + (++sequence));
            held.incrementAndGet();
            write(ctx.channel(), channel.environment(flow));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long now = System.nanoTime();
            ByteBuf line = (ByteBuf) msg;
            String command;
            try {
                command = line.toString(StandardCharsets.UTF_8);
            } finally {
                line.release();
            }
            if (measuring) {
                long micros = Math.max(1, (now - lastWrite) / 1000);
                roundTrips.recordValue(micros);
                (followsAWrite(command) ? afterWrites : others).recordValue(micros);
                byCommand.computeIfAbsent(kind(command), k -> new Histogram(3)).recordValue(micros);
                commands.increment();
            }
            AsteriskChannel.Reply reply = channel.answer(command);
            Channel c = ctx.channel();
            long hold = switch (reply.hold()) {
                case NONE -> 0;
                case THINK -> thinkNanos();
                case LONG -> TimeUnit.MILLISECONDS.toNanos(holdMillis);
            };
            if (hold == 0) {
                write(c, reply.text() + "\n");
            } else {
                c.eventLoop().schedule(() -> write(c, reply.text() + "\n"), hold, TimeUnit.NANOSECONDS);
            }
        }

        private void write(Channel c, String text) {
            if (c.isActive()) {
                lastWrite = System.nanoTime();
                c.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), c.voidPromise());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            held.decrementAndGet();
            if (channel == null) {
                return;
            }
            completed.increment();
            lifeNanos.add(System.nanoTime() - createdAt);
            String status = channel.status();
            if ("OK".equals(status)) {
                ok.increment();
            } else if ("FALLBACK".equals(status)) {
                fallback.increment();
            } else {
                failed.increment();
            }
            if (channel.ticket() == null || channel.ticket().isEmpty()) {
                noTicket.increment();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
