package org.hotline.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.hotline.domain.testing.Conditions;
import org.junit.jupiter.api.Test;

/** The server over real loopback sockets, with a hand-driven fake Asterisk. */
class FastAgiServerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger runs = new AtomicInteger();
    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private FastAgiServer server;

    private final AgiFlow greet = session -> {
        runs.incrementAndGet();
        return session.send(new AgiCommand.Answer())
                .thenCompose(r -> session.send(new AgiCommand.StreamFile("hello-world", "")))
                .thenCompose(r -> {
                    seen.add(r);
                    seen.add(session.hungUp());
                    return session.setVariable("HOTLINE_STATUS", "OK");
                });
    };

    /** Calls the server refused for the hold flow, by uniqueid, with the reason. */
    private final java.util.List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final AgiFlow hold = new AgiFlow() {
        @Override
        public java.util.concurrent.CompletionStage<?> run(AgiSession session) {
            runs.incrementAndGet();
            return session.send(new AgiCommand.Answer()).thenCompose(r -> release);
        }

        @Override
        public void refused(AgiSession session, String reason) {
            refused.add(session.request().uniqueId() + ": " + reason);
        }
    };

    private final AgiFlow broken = session -> session.send(new AgiCommand.Answer()).thenApply(r -> {
        throw new IllegalStateException("boom");
    });

    private final AgiFlow slow = new AgiFlow() {
        @Override
        public CompletableFuture<?> run(AgiSession session) {
            return session.call(() -> {
                sleep(3000);
                return "late";
            }).thenCompose(value -> session.setVariable("NEVER", value));
        }

        @Override
        public Map<String, String> fallbackVariables(AgiRequest request) {
            return Map.of("HOTLINE_ACTION", "VOICEMAIL");
        }
    };

    /** Three commands sent at once from a thread that is not the event loop. */
    private final AgiFlow burst = session -> CompletableFuture.supplyAsync(() -> List.of(
                    session.send(new AgiCommand.Verbose("one", 1)),
                    session.send(new AgiCommand.Verbose("two", 1)),
                    session.send(new AgiCommand.Verbose("three", 1))))
            .thenCompose(sent -> CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .thenApply(x -> sent.stream().map(f -> f.join().result()).toList()))
            .thenAccept(seen::addAll);

    private FastAgiServer start(FastAgiConfig config) throws Exception {
        server = new FastAgiServer(TestAgiConfig.onFreePort(config),
                new AgiFlows(Map.of("greet", greet, "hold", hold, "broken", broken, "slow", slow, "burst", burst)),
                registry);
        server.start();
        return server;
    }

    private FastAgiServer start() throws Exception {
        return start(FastAgiConfig.defaults());
    }

    @AfterEach
    void stop() {
        release.complete(null);
        if (server != null) {
            server.close();
        }
    }

    private double counter(String outcome) {
        return registry.get("hotline.calls").tag("outcome", outcome).counter().count();
    }

    @Test
    void runsTheNamedFlowAndClosesWhenItEnds() throws Exception {
        start();
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("greet?line=1");
            assertThat(asterisk.reply("200 result=0")).isEqualTo("ANSWER");
            assertThat(asterisk.reply("200 result=0 endpos=8000")).isEqualTo("STREAM FILE \"hello-world\" \"\"");
            assertThat(asterisk.reply("200 result=1")).isEqualTo("SET VARIABLE HOTLINE_STATUS \"OK\"");
            assertThat(asterisk.command()).isNull();
        }
        assertThat(runs).hasValue(1);
        assertThat(counter("offered")).isEqualTo(1);
        assertThat(registry.get("hotline.agi.command").timer().count()).isEqualTo(3);
    }

    @Test
    void hangupBetweenCommandAndReplyIsSeenByTheFlow() throws Exception {
        start();
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("greet");
            asterisk.reply("200 result=0");
            asterisk.command();
            asterisk.write("HAN").write("GUP\n200 result=-1 endpos=0\n");
            assertThat(asterisk.reply("511 Command Not Permitted on a dead channel or intercept routine"))
                    .startsWith("SET VARIABLE");
            assertThat(asterisk.command()).isNull();
        }
        assertThat(((AgiReply) seen.get(0)).channelGone()).isTrue();
        assertThat(seen.get(1)).isEqualTo(true);
    }

    @Test
    void unknownFlowGetsAStatusAndAClose() throws Exception {
        start();
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("nosuchflow");
            assertThat(asterisk.answerAllUntilClosed()).containsExactly("SET VARIABLE HOTLINE_STATUS \"UNKNOWN_FLOW\"");
        }
        assertThat(runs).hasValue(0);
        assertThat(counter("unknown_flow")).isEqualTo(1);
    }

    @Test
    void peerNotAllowedIsClosedWithoutRunningAFlow() throws Exception {
        start(TestAgiConfig.allowing(List.of("192.0.2.10")));
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("greet");
            assertThat(asterisk.command()).isNull();
        }
        assertThat(runs).hasValue(0);
        assertThat(counter("rejected_peer")).isEqualTo(1);
    }

    @Test
    void callsBeyondTheMaximumGetOverloadNotSilence() throws Exception {
        start(TestAgiConfig.maxCalls(1));
        // The second connection opens only once the first holds the slot: which of two connections
        // accepted at the same moment gets the last slot is up to the event loops.
        try (var first = new FakeAsterisk(server.localAddress())) {
            first.call("hold");
            assertThat(first.reply("200 result=0")).isEqualTo("ANSWER");
            try (var second = new FakeAsterisk(server.localAddress())) {
                second.call("hold");
                assertThat(second.answerAllUntilClosed()).containsExactly("SET VARIABLE HOTLINE_STATUS \"OVERLOAD\"");
            }
            release.complete(null);
            assertThat(first.command()).isNull();
        }
        assertThat(runs).hasValue(1);
        assertThat(counter("overload")).isEqualTo(1);
        assertThat(refused).as("the refused call is handed to its flow, to leave its ticket").hasSize(1)
                .allMatch(r -> r.contains("refused over max-calls (1 calls already served)"));
        // the slot is free again once the first call's end has been handled (on the server's own thread)
        Conditions.await("the first call's slot to be freed", Duration.ofSeconds(5), () -> server.activeCalls() == 0);
        try (var third = new FakeAsterisk(server.localAddress())) {
            third.call("greet");
            assertThat(third.answerAllUntilClosed()).hasSize(3).last().isEqualTo("SET VARIABLE HOTLINE_STATUS \"OK\"");
        }
    }

    @Test
    void failingFlowLeavesAFallbackVerdict() throws Exception {
        start();
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("broken");
            assertThat(asterisk.answerAllUntilClosed())
                    .containsExactly("ANSWER", "SET VARIABLE HOTLINE_STATUS \"FALLBACK\"");
        }
        assertThat(counter("fallback")).isEqualTo(1);
    }

    @Test
    void slowDependencyHitsTheDeadlineAndFallsBack() throws Exception {
        start(TestAgiConfig.dependencyTimeout(Duration.ofMillis(200)));
        long begin = System.nanoTime();
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("slow");
            assertThat(asterisk.answerAllUntilClosed()).containsExactly(
                    "SET VARIABLE HOTLINE_ACTION \"VOICEMAIL\"", "SET VARIABLE HOTLINE_STATUS \"FALLBACK\"");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofMillis(2000));
    }

    @Test
    void garbageFromThePeerEndsTheCallWithAFallbackVerdict() throws Exception {
        start();
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("greet");
            assertThat(asterisk.command()).isEqualTo("ANSWER");
            asterisk.write("this is not agi\n");
            assertThat(asterisk.answerAllUntilClosed()).containsExactly("SET VARIABLE HOTLINE_STATUS \"FALLBACK\"");
        }
    }

    @Test
    void commandsSentTogetherGoOutOneAtATimeInOrder() throws Exception {
        start();
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("burst");
            assertThat(asterisk.command()).isEqualTo("VERBOSE \"one\" 1");
            assertThat(asterisk.nothingWithin(300)).as("no second command before the first reply").isTrue();
            asterisk.write("200 result=11\n");
            assertThat(asterisk.reply("200 result=22")).isEqualTo("VERBOSE \"two\" 1");
            assertThat(asterisk.reply("200 result=33")).isEqualTo("VERBOSE \"three\" 1");
            assertThat(asterisk.command()).isNull();
        }
        assertThat(seen).containsExactly("11", "22", "33");
    }

    @Test
    void replyNobodyAskedForIsAProtocolErrorNotACrash() throws Exception {
        start(TestAgiConfig.dependencyTimeout(Duration.ofMillis(300)));
        try (var asterisk = new FakeAsterisk(server.localAddress())) {
            asterisk.call("slow");
            asterisk.write("200 result=1\n");
            assertThat(asterisk.answerAllUntilClosed()).containsExactly(
                    "SET VARIABLE HOTLINE_ACTION \"VOICEMAIL\"", "SET VARIABLE HOTLINE_STATUS \"FALLBACK\"");
        }
    }

    @Test
    void configurationMistakesAreNamed() {
        // a bad port or an empty allowed-hosts list is the configuration loader's to refuse, with
        // the file and line: HotlineConfigLoaderTest.theFastAgiSettingsAreChecked
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FastAgiServer(
                        TestAgiConfig.allowing(List.of("no-such-host.invalid")),
                        new AgiFlows(Map.of()), registry).start())
                .hasMessageContaining("no-such-host.invalid");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AgiFlows(Map.of("Bad Name", greet)))
                .hasMessageContaining("Bad Name");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
