package org.hotline.ivr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.hotline.ivr.ami.AgentDirectory;
import org.hotline.ivr.ami.AmiClient;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.ami.ReconnectBackoff;
import org.hotline.ivr.ami.ScreenPop;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AMI client against a real Asterisk, logged in as the production least-privilege user:
 * pops for the agents' phones, queue pause mirrored to Asterisk, and after Asterisk restarts
 * (killed: the connection drops with no Hangup events) a reconnect with backoff and a re-synchronisation that ends the pop of
 * a call that died meanwhile.
 */
class AmiClientIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness();

    private final List<ScreenPop> pops = new CopyOnWriteArrayList<>();
    private AmiClient client;

    @BeforeEach
    void connect() throws Exception {
        AmiConfig config = new AmiConfig("127.0.0.1", asterisk.amiPort(), AsteriskHarness.HOTLINE_AMI_USER,
                asterisk.hotlineAmiSecret(), Duration.ofSeconds(2),
                new ReconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)));
        client = new AmiClient(config, new AgentDirectory(Map.of(AsteriskHarness.device("1001"), "alice",
                AsteriskHarness.device("1002"), "bob")), pops::add, Clock.systemUTC());
        client.start();
        await(client::isConnected, "the client logs in");
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void pausingAnAgentPausesTheQueueMemberInAsteriskAndUnknownUsersAreRefused() throws Exception {
        int mark = asterisk.ami().mark();
        client.pause("alice", null, true, "lunch");

        AmiMessage paused = asterisk.ami().await(mark, m -> m.isEvent("QueueMemberPause")
                && AsteriskHarness.device("1001").equals(m.get("Interface")), WAIT, "alice's phone paused");
        assertThat(paused.get("Paused")).isEqualTo("1");
        assertThat(paused.get("PausedReason")).isEqualTo("lunch");
        assertThat(client.paused("alice")).contains(true);

        client.pause("alice", null, false, "");
        asterisk.ami().await(mark, m -> m.isEvent("QueueMemberPause") && "0".equals(m.get("Paused"))
                && AsteriskHarness.device("1001").equals(m.get("Interface")), WAIT, "alice's phone unpaused");
        assertThatThrownBy(() -> client.pause("mallory", null, true, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mallory");
    }

    @Test
    void afterAsteriskRestartsTheClientReconnectsAndEndsThePopOfTheCallThatDied() throws Exception {
        asterisk.agiDown();
        asterisk.fallbackOfficeHours(true);
        asterisk.phone("1001", PhoneMode.SILENT);
        asterisk.phone("1002", PhoneMode.SILENT);
        TestCall call = asterisk.call("4008001234", "13900000009", "Zheng Shi");
        await(() -> pops.stream().anyMatch(p -> p.callId().equals(call.callerId()) && p.state() == ScreenPop.State.RINGING),
                "a RINGING pop for the call");
        ScreenPop ringing = pops.stream().filter(p -> p.callId().equals(call.callerId())).findFirst().orElseThrow();
        assertThat(ringing.callerNumber()).isEqualTo("13900000009");
        assertThat(ringing.queue()).contains("hotline-complaints");

        asterisk.crashAndRestart(); // the call dies with no Hangup event; the AMI connection drops
        // crashAndRestart waits for FullyBooted; the client may have reconnected and re-synced (MISSED) by then
        assertThat(pops.stream().filter(p -> p.state() != ScreenPop.State.RINGING && p.state() != ScreenPop.State.MISSED))
                .as("nothing but the re-sync told the client").isEmpty();
        await(client::isConnected, "the client reconnects");
        await(() -> pops.stream().anyMatch(p -> p.callId().equals(call.callerId()) && p.agent().equals(ringing.agent())
                && p.state() == ScreenPop.State.MISSED), "the re-sync ends the dead call's pop");
        assertThat(pops.stream().filter(p -> p.callId().equals(call.callerId()) && p.agent().equals(ringing.agent())
                && p.state() == ScreenPop.State.MISSED)).hasSize(1);
        assertThat(client.paused("alice")).as("QueueStatus read after the reconnect").contains(false);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
