package org.hotline.ivr.agi;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded pool of platform threads on which flows run blocking dependency calls (JDBC,
 * Redis, the router), each under a deadline. Owned and shut down by {@link FastAgiServer}.
 * Thread-safe.
 */
final class DependencyPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final Duration timeout;

    DependencyPool(int threads, Duration timeout) {
        this.timeout = timeout;
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 64), runnable -> {
                    Thread thread = new Thread(runnable, "hotline-agi-dependency-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs {@code dependency} on the pool; the timeout is scheduled on {@code timer} (the call's event loop). */
    <T> CompletableFuture<T> call(Supplier<T> dependency, EventExecutor timer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(dependency.get());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new DependencyTimeoutException("the dependency pool is saturated"));
            return result;
        }
        ScheduledFuture<?> deadline = timer.schedule(
                () -> result.completeExceptionally(new DependencyTimeoutException(timeout, null)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((value, failure) -> deadline.cancel(false));
        return result;
    }

    /**
     * Like {@link #call}, for a dependency that starts its work and returns a future of it (a
     * write that becomes durable in the background): the pool's thread is free again as soon as
     * {@code dependency} returns, and the call's deadline covers the whole. The result completes
     * on {@code timer}, never on the thread that completed the dependency's future.
     */
    <T> CompletableFuture<T> callAsync(Supplier<CompletableFuture<T>> dependency, EventExecutor timer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long end = System.nanoTime() + timeout.toNanos();
        CompletableFuture<CompletableFuture<T>> started = call(dependency, timer);
        started.whenComplete((inner, failure) -> {
            if (failure != null || inner == null) {
                result.completeExceptionally(failure != null ? failure
                        : new IllegalStateException("the dependency returned no future"));
                return;
            }
            ScheduledFuture<?> deadline = timer.schedule(
                    () -> result.completeExceptionally(new DependencyTimeoutException(timeout, null)),
                    Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            inner.whenComplete((value, error) -> {
                deadline.cancel(false);
                timer.execute(() -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                });
            });
        });
        return result;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
