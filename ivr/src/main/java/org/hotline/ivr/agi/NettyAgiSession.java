package org.hotline.ivr.agi;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@link AgiSession} over one Netty channel. Queue and in-flight state are touched only on the
 * channel's event loop; {@link #send} hops there when called from another thread.
 */
final class NettyAgiSession implements AgiSession {

    private static final class Pending {
        final AgiCommand command;
        final CompletableFuture<AgiReply> reply = new CompletableFuture<>();
        long sentAt;

        Pending(AgiCommand command) {
            this.command = command;
        }
    }

    private final Channel channel;
    private final AgiRequest request;
    private final CallMetrics metrics;
    private final DependencyPool dependencies;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private Pending inFlight;
    private volatile boolean hungUp;
    private volatile boolean closed;

    NettyAgiSession(Channel channel, AgiRequest request, CallMetrics metrics, DependencyPool dependencies) {
        this.channel = channel;
        this.request = request;
        this.metrics = metrics;
        this.dependencies = dependencies;
    }

    @Override
    public AgiRequest request() {
        return request;
    }

    @Override
    public CompletableFuture<AgiReply> send(AgiCommand command) {
        Pending pending = new Pending(command);
        if (channel.eventLoop().inEventLoop()) {
            enqueue(pending);
        } else {
            channel.eventLoop().execute(() -> enqueue(pending));
        }
        return pending.reply;
    }

    @Override
    public boolean hungUp() {
        return hungUp;
    }

    @Override
    public <T> CompletableFuture<T> call(Supplier<T> dependency) {
        return dependencies.call(dependency, channel.eventLoop());
    }

    @Override
    public <T> CompletableFuture<T> callAsync(Supplier<CompletableFuture<T>> dependency) {
        return dependencies.callAsync(dependency, channel.eventLoop());
    }

    @Override
    public CallMetrics metrics() {
        return metrics;
    }

    private void enqueue(Pending pending) {
        if (closed) {
            pending.reply.completeExceptionally(closedException(pending.command));
            return;
        }
        queue.add(pending);
        writeNextIfIdle();
    }

    private void writeNextIfIdle() {
        if (inFlight != null || queue.isEmpty()) {
            return;
        }
        Pending next = queue.poll();
        inFlight = next;
        next.sentAt = System.nanoTime();
        channel.writeAndFlush(next.command).addListener(written -> {
            if (!written.isSuccess()) {
                channel.close();
            }
        });
    }

    /** Completes the command in flight; false when there is none (the peer broke the protocol). */
    boolean onReply(AgiReply reply) {
        Pending done = inFlight;
        if (done == null) {
            return false;
        }
        inFlight = null;
        metrics.commandRoundTrip(System.nanoTime() - done.sentAt);
        writeNextIfIdle();
        done.reply.complete(reply);
        return true;
    }

    void onHangup() {
        hungUp = true;
    }

    void onProtocolError(AgiProtocolError error) {
        Pending failed = inFlight;
        inFlight = null;
        if (failed != null) {
            failed.reply.completeExceptionally(new AgiProtocolException(error));
        }
    }

    void onClosed() {
        closed = true;
        if (inFlight != null) {
            inFlight.reply.completeExceptionally(closedException(inFlight.command));
            inFlight = null;
        }
        for (Pending pending : queue) {
            pending.reply.completeExceptionally(closedException(pending.command));
        }
        queue.clear();
    }

    boolean closed() {
        return closed;
    }

    private static AgiConnectionClosedException closedException(AgiCommand command) {
        return new AgiConnectionClosedException("the FastAGI connection closed before '" + command.render() + "' was answered");
    }
}
