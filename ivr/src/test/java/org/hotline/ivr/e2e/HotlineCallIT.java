package org.hotline.ivr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.agi.TestAgiConfig;
import org.hotline.ivr.ami.AgentDirectory;
import org.hotline.ivr.ami.AmiClient;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.ami.EventStreamScreenPops;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.flow.DialTemplate;
import org.hotline.ivr.flow.HotlineFlow;
import org.hotline.ivr.flow.HotlineFlowConfig;
import org.hotline.storage.Storage;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.ticket.CallDisposition;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.store.StreamEntry;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whole calls through a real Asterisk running the production dialplan, our FastAGI server
 * running the hotline flow, a real ticket store (embedded PostgreSQL and Redis) and the AMI
 * client logged in as the production least-privilege user. Callers and phones are Local
 * channels of the harness; the flow's clock is pinned to office hours or after hours. Each test
 * checks what Asterisk did (AMI events) and what the ticket store holds.
 */
class HotlineCallIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String ALICE_PHONE = "1001";
    private static final String BOB_PHONE = "1002";
    private static final Map<String, String> AGENTS = Map.of(
            AsteriskHarness.device(ALICE_PHONE), "alice",
            AsteriskHarness.device(BOB_PHONE), "bob");

    @RegisterExtension
    static final InProcessService service = new InProcessService(
            ALICE_PHONE, BOB_PHONE, TestRouting.DUTY_A, TestRouting.DUTY_B, "duty");
    static final AsteriskHarness asterisk = service.asterisk();

    private static final MutableClock clock = new MutableClock(TestRouting.OFFICE, ZoneOffset.UTC);
    private static Storage storage;

    @BeforeAll
    static void startService() throws Exception {
        storage = service.own(StorageFixture.shared().freshStorage(clock));
        HotlineFlowConfig flowConfig = new HotlineFlowConfig(new DialTemplate(AsteriskHarness.DIAL_TEMPLATE), clock,
                2500, 2, 20, asterisk.recordingsDirInChroot(), 15, AGENTS);
        service.agi(new FastAgiServer(TestAgiConfig.onFreePort(),
                new AgiFlows(Map.of(HotlineFlow.NAME, new HotlineFlow(TestRouting.create(), storage.tickets(), flowConfig))),
                new SimpleMeterRegistry()));
        service.ami(new AmiClient(AmiConfig.of("127.0.0.1", asterisk.amiPort(), AsteriskHarness.HOTLINE_AMI_USER,
                asterisk.hotlineAmiSecret()), new AgentDirectory(AGENTS),
                new EventStreamScreenPops(storage.events(), storage.tickets()), clock), WAIT);
    }

    // ---- the scenarios ----------------------------------------------------------------------

    @Test
    void officeHoursCallIsQueuedToAnAgentWhoseScreenPopNamesTheTicket() throws Exception {
        clock.set(TestRouting.OFFICE);
        TestCall call = asterisk.call(TestRouting.LINE_NUMBER, "13900000001", "Zhang San");

        call.answer("1"); // menu: complaint
        call.answer("1"); // callback: confirm the caller ID
        call.answer("2"); // no voice message now

        call.await(m -> m.isEvent("QueueCallerJoin") && TestRouting.QUEUE.equals(m.get("Queue")), WAIT,
                "the caller joins " + TestRouting.QUEUE);
        AmiMessage connect = call.await(m -> m.isEvent("AgentConnect"), WAIT, "an agent answers");
        String agent = AGENTS.get(connect.get("Interface"));
        assertThat(agent).as("the answering member is a configured agent").isNotNull();
        call.awaitEnd(WAIT);

        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.ANSWERED);
        assertThat(ticket.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(ticket.callerNumber()).isEqualTo("13900000001");
        assertThat(ticket.callbackNumber()).isEqualTo("13900000001");
        assertThat(ticket.line()).isEqualTo("complaints");

        Map<String, String> ringing = awaitPop(agent, ticket, "RINGING");
        assertThat(ringing).containsEntry("ticketId", Long.toString(ticket.id()))
                .containsEntry("callerNumber", "13900000001")
                .containsEntry("callerName", "Zhang San")
                .containsEntry("queue", TestRouting.QUEUE)
                .containsEntry("callId", call.callerId());
        awaitPop(agent, ticket, "ANSWERED");
        awaitPop(agent, ticket, "ENDED");
    }

    @Test
    void afterHoursCallIsForwardedToDutyManagerAWhoAnswers() throws Exception {
        clock.set(TestRouting.AFTER_HOURS);
        TestCall call = asterisk.call(TestRouting.LINE_NUMBER, "13900000002", "Li Si");

        call.answer("2"); // inquiry
        call.answer("1");
        call.answer("2");

        AmiMessage dial = call.await(m -> m.isEvent("DialBegin"), WAIT, "duty manager A is dialled");
        assertThat(dial.get("DestChannel")).startsWith(AsteriskHarness.device(TestRouting.DUTY_A));
        AmiMessage end = call.await(m -> m.isEvent("DialEnd"), WAIT, "A's dial ends");
        assertThat(end.get("DialStatus")).isEqualTo("ANSWER");
        call.awaitEnd(WAIT);
        assertThat(call.events()).noneMatch(m -> m.isEvent("QueueCallerJoin"));
        assertThat(call.events().stream().filter(m -> m.isEvent("DialBegin"))).hasSize(1);

        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.ANSWERED);
        assertThat(ticket.kind()).isEqualTo(RequestKind.INQUIRY);
        assertThat(ticket.forwardedTo()).isEqualTo("wang");
        assertThat(ticket.callbackRequested()).isFalse();
    }

    @Test
    void dutyManagerADoesNotAnswerAndBDoes() throws Exception {
        clock.set(TestRouting.AFTER_HOURS);
        asterisk.phone(TestRouting.DUTY_A, PhoneMode.SILENT);
        TestCall call = asterisk.call(TestRouting.LINE_NUMBER, "13900000003", "Wang Wu");

        call.answer("1");
        call.answer("1");
        call.answer("2");

        AmiMessage endA = call.await(m -> m.isEvent("DialEnd")
                && m.get("DestChannel").startsWith(AsteriskHarness.device(TestRouting.DUTY_A)), WAIT, "A's dial ends");
        assertThat(endA.get("DialStatus")).isEqualTo("NOANSWER");
        AmiMessage endB = call.await(m -> m.isEvent("DialEnd")
                && m.get("DestChannel").startsWith(AsteriskHarness.device(TestRouting.DUTY_B)), WAIT, "B's dial ends");
        assertThat(endB.get("DialStatus")).isEqualTo("ANSWER");
        call.awaitEnd(WAIT);

        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.ANSWERED);
        assertThat(ticket.forwardedTo()).isEqualTo("li");
        assertThat(ticket.callbackRequested()).isFalse();
    }

    @Test
    void nobodyAnswersAndTheCallerLeavesAMessageSoTheTicketIsFlaggedForCallBack() throws Exception {
        clock.set(TestRouting.AFTER_HOURS);
        asterisk.phone(TestRouting.DUTY_A, PhoneMode.SILENT);
        asterisk.phone(TestRouting.DUTY_B, PhoneMode.SILENT);
        TestCall call = asterisk.call(TestRouting.LINE_NUMBER, "13900000004", "Zhao Liu");

        call.answer("5"); // repair
        call.answer("1");
        call.answer("2");

        String record = call.awaitPrompt(Duration.ofSeconds(60)); // after A and B rang out
        assertThat(record).startsWith("RECORD FILE");
        // the caller speaks (its leg plays audio) ...
        String[] recordFile = record.replace("\"", "").split(" "); // RECORD FILE <path> <format> ...
        E2eWaits.grownBeyond(asterisk.hostPath(recordFile[2] + "." + recordFile[3]), 8_000, WAIT);
        call.press("#");    // ... and ends the message
        call.awaitEnd(WAIT);

        assertThat(call.events().stream().filter(m -> m.isEvent("DialEnd")).map(m -> m.get("DialStatus")))
                .containsExactly("NOANSWER", "NOANSWER");
        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.VOICEMAIL);
        assertThat(ticket.kind()).isEqualTo(RequestKind.REPAIR);
        assertThat(ticket.callbackRequested()).isTrue();
        assertThat(ticket.voiceMessageRef()).startsWith(asterisk.recordingsDirInChroot()).contains(ticket.number());
        Path recording = asterisk.hostPath(ticket.voiceMessageRef());
        assertThat(recording).exists();
        assertThat(Files.size(recording)).as("the recording holds audio").isGreaterThan(1000);
    }

    @Test
    void callerHangsUpMidMenuAndTheTicketIsAbandonedWithWhatWasCaptured() throws Exception {
        clock.set(TestRouting.OFFICE);
        TestCall call = asterisk.call(TestRouting.LINE_NUMBER, "13900000005", "Sun Qi");

        call.answer("3");   // suggestion
        call.awaitPrompt(); // the callback question...
        call.hangup();      // ...and the caller is gone
        call.awaitEnd(WAIT);

        Ticket ticket = awaitTicket(call, t -> t.status() == TicketStatus.ABANDONED);
        assertThat(ticket.kind()).isEqualTo(RequestKind.SUGGESTION);
        assertThat(ticket.callerNumber()).isEqualTo("13900000005");
        assertThat(ticket.callDisposition()).isEqualTo(CallDisposition.ABANDONED);
        assertThat(call.events()).noneMatch(m -> m.isEvent("QueueCallerJoin") || m.isEvent("DialBegin"));
    }

    @Test
    void serviceDownTheDialplanFallbackStillReachesAPersonAndNoTicketExists() throws Exception {
        asterisk.agiDown();
        asterisk.fallbackOfficeHours(false);
        TestCall call = asterisk.call(TestRouting.LINE_NUMBER, "13900000006", "Zhou Ba");

        AmiMessage fallback = call.await(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")),
                WAIT, "the dialplan's fallback");
        assertThat(fallback.get("AgiStatus")).isEqualTo("FAILURE");
        AmiMessage end = call.await(m -> m.isEvent("DialEnd"), WAIT, "the static duty phone answers");
        assertThat(end.get("DestChannel")).startsWith(AsteriskHarness.device("duty"));
        assertThat(end.get("DialStatus")).isEqualTo("ANSWER");
        call.awaitEnd(WAIT);

        assertThat(storage.tickets().findByLinkedid(call.callerId())).isEmpty();
    }

    @Test
    void invalidThenMissingKeysAreRetriedAndTheCallMovesOn() throws Exception {
        clock.set(TestRouting.OFFICE);
        TestCall call = asterisk.call(TestRouting.LINE_NUMBER, "13900000007", "Wu Jiu");

        String menu = call.answer("7");  // not a menu choice
        String again = call.answer("2"); // asked again: inquiry
        assertThat(again).isEqualTo(menu);
        call.awaitPrompt();              // callback confirmation: no key at all
        call.awaitPrompt();              // asked again: still nothing, so the caller ID is kept
        call.answer("#");                // message offer: skip

        call.await(m -> m.isEvent("QueueCallerJoin"), WAIT, "the call still reaches the queue");
        call.awaitEnd(WAIT);

        List<String> played = call.events().stream()
                .filter(m -> m.isEvent("AGIExecStart") && call.ivrId().equals(m.get("Uniqueid")))
                .map(m -> m.get("Command")).toList();
        assertThat(played).anyMatch(c -> c.contains("pbx-invalid"));
        assertThat(played).anyMatch(c -> c.contains("please-try-again"));
        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.ANSWERED);
        assertThat(ticket.kind()).isEqualTo(RequestKind.INQUIRY);
        assertThat(ticket.callbackNumber()).isEqualTo("13900000007");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Waits until the call's ticket satisfies {@code done} (outcomes are written as the call goes). */
    private static Ticket awaitTicket(TestCall call, Predicate<Ticket> done) throws InterruptedException {
        return E2eWaits.ticket(storage.tickets(), call, done, WAIT);
    }

    /** Waits for the agent's screen pop of {@code ticket} in {@code state}; returns its fields. */
    private static Map<String, String> awaitPop(String agent, Ticket ticket, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<StreamEntry> entries = List.of();
        while (System.nanoTime() < deadline) {
            entries = storage.events().readAfter(EventStream.agentKey(agent), EventStream.START, 1000);
            Optional<Map<String, String>> pop = entries.stream().map(StreamEntry::fields)
                    .filter(f -> "screen-pop".equals(f.get("type")) && ticket.number().equals(f.get("ticketNumber"))
                            && state.equals(f.get("state")))
                    .findFirst();
            if (pop.isPresent()) {
                return pop.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + state + " screen pop of " + ticket.number() + " for " + agent + "; stream: "
                + entries.stream().map(StreamEntry::fields).toList());
    }
}
