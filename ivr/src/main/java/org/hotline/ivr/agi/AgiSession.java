package org.hotline.ivr.agi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One call on one FastAGI connection, as a flow sees it.
 *
 * <h2>Concurrency model</h2>
 * Commands are asynchronous: {@link #send} returns at once with a future completed by the
 * reply. A flow is a chain of such futures; it never blocks a thread while the caller listens
 * or keys. Replies complete futures on the connection's Netty event loop, so flow code that
 * runs in a continuation must not block: anything slow (the ticket store, the router) goes
 * through {@link #call(Supplier)}, which runs it on the server's bounded dependency pool with
 * the configured deadline. This is why one event loop per core holds thousands of calls: a
 * call waiting for DTMF costs a few objects, not a thread (Java 17 has no virtual threads;
 * a blocking thread per call, as Asterisk-Java does, costs a stack and a context switch per
 * command; see {@code ivr/BENCHMARKS-ivr.md} for the measured difference).
 *
 * <p>AGI is strictly one command then one reply; commands sent while one is in flight are
 * queued in order. All methods are thread-safe.
 *
 * <p>After the caller hangs up ({@link #hungUp()}), Asterisk still answers every command,
 * usually with {@code 511} or {@code result=-1}; flows use that to record what was captured.
 * When the connection itself closes, pending and later futures fail with
 * {@link AgiConnectionClosedException}.
 */
public interface AgiSession {

    /** The AGI environment of this call. */
    AgiRequest request();

    /** Sends one command; the future completes with its reply. */
    CompletableFuture<AgiReply> send(AgiCommand command);

    /** True once Asterisk reported {@code HANGUP} for this channel. */
    boolean hungUp();

    /**
     * Runs a blocking dependency call (ticket store, router) off the event loop, failing with
     * {@link DependencyTimeoutException} when it exceeds the configured deadline or the
     * dependency pool is saturated. The call's result is never applied after a timeout.
     */
    <T> CompletableFuture<T> call(Supplier<T> dependency);

    /**
     * Like {@link #call}, for a dependency that returns a future of work it finishes in the
     * background (a journaled write): no dependency thread waits for it, and the deadline covers
     * the whole. The result completes on the call's event loop.
     */
    <T> CompletableFuture<T> callAsync(Supplier<CompletableFuture<T>> dependency);

    /** Convenience for {@code send(new SetVariable(name, value))}. */
    default CompletableFuture<AgiReply> setVariable(String name, String value) {
        return send(new AgiCommand.SetVariable(name, value));
    }

    /** The call metrics, so flows can count answered, forwarded and abandoned calls. */
    CallMetrics metrics();
}
