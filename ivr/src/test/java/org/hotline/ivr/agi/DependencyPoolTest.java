package org.hotline.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.concurrent.DefaultEventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependencyPoolTest {

    private final DefaultEventExecutor loop = new DefaultEventExecutor();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void anAsyncDependencyFreesItsThreadAtOnceAndItsResultArrivesOnTheCallsLoop() throws Exception {
        try (DependencyPool pool = new DependencyPool(1, Duration.ofSeconds(5))) {
            // one thread, 50 writes in flight: each held its thread only to start
            List<CompletableFuture<Integer>> inner = new ArrayList<>();
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                CompletableFuture<Integer> write = new CompletableFuture<>();
                inner.add(write);
                results.add(pool.callAsync(() -> write, loop).thenApply(n -> n + " on loop " + loop.inEventLoop()));
            }
            Thread.sleep(100);
            assertThat(results).noneMatch(CompletableFuture::isDone);
            Thread completer = new Thread(() -> {
                for (int i = 0; i < inner.size(); i++) {
                    inner.get(i).complete(i);
                }
            });
            completer.start();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i + " on loop true");
            }
        }
    }

    @Test
    void theDeadlineCoversTheWholeAsyncWrite() {
        try (DependencyPool pool = new DependencyPool(2, Duration.ofMillis(200))) {
            long began = System.nanoTime();
            CompletableFuture<String> result = pool.callAsync(() -> {
                sleep(120); // starting takes part of the deadline
                return new CompletableFuture<String>(); // and the write never completes
            }, loop);
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DependencyTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(330));
        }
    }

    @Test
    void aFailedAsyncWriteFailsTheCallWithItsOwnError() {
        try (DependencyPool pool = new DependencyPool(1, Duration.ofSeconds(5))) {
            CompletableFuture<String> result = pool.callAsync(
                    () -> CompletableFuture.failedFuture(new IllegalStateException("disk full")), loop);
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
            CompletableFuture<String> none = pool.callAsync(() -> null, loop);
            assertThatThrownBy(() -> none.get(5, TimeUnit.SECONDS)).hasMessageContaining("no future");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
