package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.calendar.Period;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiConfig;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.agi.TestAgiConfig;
import org.hotline.ivr.sim.CallSimulator;
import org.hotline.ivr.sim.CallTranscript;
import org.hotline.ivr.sim.SimulatedCall;
import org.hotline.domain.roster.DutyRole;
import org.hotline.domain.routing.Fallback;
import org.hotline.domain.routing.ForwardTarget;
import org.hotline.domain.routing.RoutingDecision;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hotline flow end to end over a real loopback socket: the {@link CallSimulator} plays
 * Asterisk (environment, DTMF, Dial and Queue results) and records every command; fakes stand
 * in for the router and the ticket store.
 */
class HotlineFlowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    private static final Fallback FALLBACK = new Fallback("complaints@hotline", Optional.empty(), List.of("wang"));
    private static final RoutingDecision QUEUE = new RoutingDecision.Queue(Period.OFFICE, "hotline-complaints", FALLBACK);
    private static final RoutingDecision FORWARD = new RoutingDecision.Forward(Period.AFTER_HOURS, List.of(
            new ForwardTarget("wang", "Wang Lei", "13800000001", DutyRole.DUTY_A, 20),
            new ForwardTarget("li", "Li Na", "+8613800000002", DutyRole.DUTY_B, 25)), FALLBACK);
    private static final String LINE = "4008001234";
    private static final String CALLER = "13912345678";
    private static final String DIAL_A = "PJSIP/13800000001@trunk";
    private static final String DIAL_B = "PJSIP/+8613800000002@trunk";

    private final InMemoryTickets store = new InMemoryTickets(CLOCK);
    private final FakeRouting routing = new FakeRouting(QUEUE, FORWARD, FakeRouting.COMPLAINTS);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FastAgiServer server;
    private CallSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        start(FastAgiConfig.defaults());
    }

    private void start(FastAgiConfig config) throws Exception {
        var flowConfig = HotlineFlowConfig.defaults(new DialTemplate("PJSIP/{number}@trunk"), CLOCK,
                Map.of("PJSIP/1001", "alice"));
        server = new FastAgiServer(TestAgiConfig.onFreePort(config),
                new AgiFlows(Map.of(HotlineFlow.NAME, new HotlineFlow(routing, store, flowConfig))), registry);
        server.start();
        simulator = new CallSimulator(server.localAddress(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CallTranscript call(SimulatedCall call) throws Exception {
        return simulator.run(call);
    }

    private List<CallOutcome> outcomes() {
        return store.outcomes(store.only().id());
    }

    @Test
    void officeHoursCallIsQueuedWithItsTicketOnTheChannel() throws Exception {
        // complaint, confirm caller ID, location 1203, no message
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "1" + "1" + "1203#" + "#").withQueueAnswerer("PJSIP/1001"));

        Ticket ticket = store.only();
        assertThat(transcript.commands().get(0)).isEqualTo("ANSWER");
        assertThat(transcript.commands()).contains(
                "EXEC Playback \"hotline/complaints-welcome\"",
                "SET VARIABLE HOTLINE_TICKET \"" + ticket.number() + "\"",
                "SAY DIGITS 13912345678 \"\"",
                "EXEC Queue \"hotline-complaints,,,,300\"");
        // the ticket number is on the channel before the call enters the queue
        assertThat(transcript.commands().indexOf("SET VARIABLE HOTLINE_TICKET \"" + ticket.number() + "\""))
                .isLessThan(transcript.commands().indexOf("EXEC Queue \"hotline-complaints,,,,300\""));
        assertThat(transcript.variables()).containsEntry("HOTLINE_ACTION", "QUEUE")
                .containsEntry("HOTLINE_QUEUE", "hotline-complaints")
                .containsEntry("HOTLINE_VOICEMAIL", "complaints@hotline")
                .containsEntry("HOTLINE_KIND", "complaint")
                .containsEntry("HOTLINE_RESULT", "QUEUED_ANSWERED")
                .containsEntry("HOTLINE_STATUS", "OK");
        assertThat(ticket.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(ticket.callbackNumber()).isEqualTo(CALLER);
        assertThat(ticket.location()).isEqualTo("1203");
        assertThat(ticket.linkedid()).isEqualTo(ticket.uniqueid());
        assertThat(outcomes()).containsExactly(new CallOutcome.Queued("hotline-complaints"), new CallOutcome.Answered("alice"));
        assertThat(routing.asked).containsExactly(false, false);
    }

    @Test
    void afterHoursDutyManagerADoesNotAnswerAndBDoes() throws Exception {
        routing.normal = FORWARD;
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "2" + "1" + "7#" + "#")
                .withDialOutcomes(Map.of(DIAL_A, "NOANSWER", DIAL_B, "ANSWER")));

        assertThat(transcript.variables()).containsEntry("HOTLINE_ACTION", "FORWARD")
                .containsEntry("HOTLINE_TARGETS", "2")
                .containsEntry("HOTLINE_TARGET_1", DIAL_A).containsEntry("HOTLINE_RING_1", "20")
                .containsEntry("HOTLINE_TARGET_2", DIAL_B).containsEntry("HOTLINE_RING_2", "25")
                .containsEntry("HOTLINE_RESULT", "ANSWERED").containsEntry("HOTLINE_STATUS", "OK");
        assertThat(transcript.commands()).containsSubsequence(
                "EXEC Dial \"" + DIAL_A + ",20\"", "GET VARIABLE \"DIALSTATUS\"",
                "EXEC Dial \"" + DIAL_B + ",25\"", "GET VARIABLE \"DIALSTATUS\"");
        assertThat(outcomes()).containsExactly(
                new CallOutcome.Forwarded("wang", "13800000001"),
                new CallOutcome.Forwarded("li", "+8613800000002"),
                new CallOutcome.Answered("li"));
        assertThat(store.only().kind()).isEqualTo(RequestKind.INQUIRY);
    }

    @Test
    void nobodyAnswersAndTheCallerLeavesAMessage() throws Exception {
        routing.normal = FORWARD;
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "1" + "1" + "7#" + "#").withMessageSeconds(12));

        Ticket ticket = store.only();
        String ref = "hotline/messages/" + ticket.number() + ".wav";
        assertThat(transcript.commands()).contains(
                "RECORD FILE \"hotline/messages/" + ticket.number() + "\" wav \"#\" 120000 BEEP s=5");
        assertThat(transcript.variables()).containsEntry("HOTLINE_RESULT", "MESSAGE").containsEntry("HOTLINE_STATUS", "OK");
        assertThat(ticket.voiceMessageRef()).isEqualTo(ref);
        assertThat(outcomes()).containsExactly(
                new CallOutcome.Forwarded("wang", "13800000001"),
                new CallOutcome.Forwarded("li", "+8613800000002"),
                new CallOutcome.Voicemail(ref));
    }

    @Test
    void nobodyAnswersAndNoMessageMeansNoAnswerForCallBack() throws Exception {
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "5" + "1" + "7#" + "#"));

        assertThat(transcript.variables()).containsEntry("HOTLINE_RESULT", "NO_ANSWER");
        assertThat(outcomes()).containsExactly(new CallOutcome.Queued("hotline-complaints"), new CallOutcome.NoAnswer());
    }

    @Test
    void messageLeftDuringIntakeIsAttachedBeforeRouting() throws Exception {
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "5" + "1" + "7#" + "1" + "#").withMessageSeconds(20));

        Ticket ticket = store.only();
        assertThat(ticket.voiceMessageRef()).isEqualTo("hotline/messages/" + ticket.number() + ".wav");
        assertThat(ticket.kind()).isEqualTo(RequestKind.REPAIR);
        // one recording only: the last resort does not ask again
        assertThat(transcript.commands().stream().filter(c -> c.startsWith("RECORD FILE"))).hasSize(1);
        assertThat(outcomes()).containsExactly(new CallOutcome.Queued("hotline-complaints"),
                new CallOutcome.Voicemail(ticket.voiceMessageRef()));
    }

    @Test
    void callerHangingUpMidMenuLeavesAnAbandonedTicket() throws Exception {
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "H"));

        assertThat(transcript.callerHungUp()).isTrue();
        assertThat(transcript.commands()).noneMatch(c -> c.startsWith("EXEC Queue") || c.startsWith("EXEC Dial"));
        assertThat(outcomes()).containsExactly(new CallOutcome.Abandoned());
        assertThat(routing.asked).containsExactly(false);
    }

    @Test
    void abandonedTicketKeepsWhatWasCaptured() throws Exception {
        call(SimulatedCall.hotline(LINE, CALLER, "3" + "H"));

        assertThat(store.only().kind()).isEqualTo(RequestKind.SUGGESTION);
        assertThat(outcomes()).containsExactly(new CallOutcome.Abandoned());
    }

    @Test
    void callerHangingUpWhileDutyPhoneRingsIsAbandoned() throws Exception {
        routing.normal = FORWARD;
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "1" + "1" + "7#" + "#")
                .withDialOutcomes(Map.of(DIAL_A, "CANCEL")));

        assertThat(transcript.commands()).noneMatch(c -> c.startsWith("EXEC Dial \"" + DIAL_B));
        assertThat(outcomes()).containsExactly(new CallOutcome.Forwarded("wang", "13800000001"), new CallOutcome.Abandoned());
    }

    @Test
    void invalidAndMissingKeysAreRetriedAThenTheCallMovesOn() throws Exception {
        // menu: invalid 7, nothing, invalid 8 -> no kind; then every question times out
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "7_8"));

        assertThat(count(transcript, "GET DATA \"hotline/menu\" 6000 1")).isEqualTo(3);
        assertThat(transcript.commands()).containsSubsequence(
                "GET DATA \"hotline/menu\" 6000 1", "EXEC Playback \"pbx-invalid\"",
                "GET DATA \"hotline/menu\" 6000 1", "EXEC Playback \"please-try-again\"",
                "GET DATA \"hotline/menu\" 6000 1", "GET DATA \"hotline/callback-choice\" 6000 1");
        assertThat(count(transcript, "GET DATA \"hotline/callback-choice\" 6000 1")).isEqualTo(3);
        assertThat(count(transcript, "GET DATA \"hotline/location\" 6000 12")).isEqualTo(3);
        assertThat(count(transcript, "GET DATA \"hotline/message-offer\" 6000 1")).isEqualTo(3);
        Ticket ticket = store.only();
        assertThat(ticket.kind()).isNull();
        assertThat(ticket.callbackNumber()).isEqualTo(CALLER); // unconfirmed caller ID kept
        assertThat(ticket.location()).isNull();
        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "OK").containsEntry("HOTLINE_KIND", "");
        assertThat(outcomes()).containsExactly(new CallOutcome.Queued("hotline-complaints"), new CallOutcome.NoAnswer());
    }

    @Test
    void starRepeatsTheQuestionAndAKeyedNumberReplacesTheCallerId() throws Exception {
        // * repeats the menu; 2 inquiry; 2 "another number"; 12# too short; *# repeats; a number; # skips location; # no message
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "*" + "2" + "2" + "12#" + "*#" + "13700001111#" + "#" + "#"));

        assertThat(count(transcript, "GET DATA \"hotline/menu\" 6000 1")).isEqualTo(2);
        assertThat(count(transcript, "GET DATA \"hotline/callback-enter\" 6000 20")).isEqualTo(3);
        Ticket ticket = store.only();
        assertThat(ticket.kind()).isEqualTo(RequestKind.INQUIRY);
        assertThat(ticket.callbackNumber()).isEqualTo("13700001111"); // "12" is too short: invalid, then * repeats
        assertThat(ticket.location()).isNull(); // # skips the location
    }

    @Test
    void withheldCallerIdMustKeyANumber() throws Exception {
        var transcript = call(SimulatedCall.hotline(LINE, null, "1" + "02155501234#" + "#" + "#"));

        assertThat(transcript.commands()).noneMatch(c -> c.contains("callback-choice"));

        assertThat(transcript.commands()).noneMatch(c -> c.startsWith("SAY DIGITS"));
        assertThat(store.only().callbackNumber()).isEqualTo("02155501234");
        assertThat(store.only().callerNumber()).isNull();
    }

    @Test
    void urgentRequestGoesStraightToTheDutyManager() throws Exception {
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "9")
                .withDialOutcomes(Map.of(DIAL_A, "ANSWER")));

        assertThat(routing.asked).containsExactly(false, true);
        assertThat(transcript.commands()).noneMatch(c -> c.startsWith("SAY DIGITS") || c.startsWith("RECORD FILE"));
        assertThat(store.only().kind()).isEqualTo(RequestKind.URGENT);
        assertThat(store.only().callbackNumber()).isEqualTo(CALLER);
        assertThat(outcomes()).containsExactly(new CallOutcome.Forwarded("wang", "13800000001"), new CallOutcome.Answered("wang"));
    }

    @Test
    void unknownLineLeavesTheDialplanToFallBack() throws Exception {
        var transcript = call(SimulatedCall.hotline("5550000", CALLER, "1"));

        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "UNKNOWN_LINE");
        assertThat(store.count()).isZero();
    }

    @Test
    void aCallRefusedOverMaxCallsGetsTheOverloadVerdictAndStillLeavesItsTicket() throws Exception {
        server.close();
        start(TestAgiConfig.maxCalls(0));

        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "1"));

        assertThat(transcript.commands()).containsExactly("SET VARIABLE HOTLINE_STATUS \"OVERLOAD\"");
        CallOutcome outcome = awaitOutcome();
        assertThat(outcome).isInstanceOf(CallOutcome.Interrupted.class);
        assertThat(((CallOutcome.Interrupted) outcome).reason()).contains("refused over max-calls")
                .contains("the dialplan's fallback took the call");
        Ticket ticket = store.only();
        assertThat(ticket.callerNumber()).isEqualTo(CALLER);
        assertThat(ticket.line()).isEqualTo("complaints");
        assertThat(ticket.kind()).isEqualTo(RequestKind.UNKNOWN);
    }

    @Test
    void slowRouterGivesAFallbackVerdictInsteadOfDeadAir() throws Exception {
        server.close();
        start(TestAgiConfig.dependencyTimeout(Duration.ofMillis(300)));
        routing.decideDelay = Duration.ofSeconds(3);
        long begin = System.nanoTime();

        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "1"));

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));
        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "FALLBACK")
                .containsEntry("HOTLINE_TICKET", store.only().number())
                .containsEntry("HOTLINE_QUEUE", "hotline-complaints")
                .containsEntry("HOTLINE_VOICEMAIL", "complaints@hotline")
                .doesNotContainKey("HOTLINE_ACTION");
        assertThat(registry.get("hotline.calls").tag("outcome", "fallback").counter().count()).isEqualTo(1);
        // the ticket tells the truth: not abandoned (the caller never hung up) but interrupted,
        // with a kind and so its deadlines
        CallOutcome outcome = awaitOutcome();
        assertThat(outcome).isInstanceOf(CallOutcome.Interrupted.class);
        assertThat(((CallOutcome.Interrupted) outcome).reason()).contains("did not answer within 300 ms");
        assertThat(store.only().kind()).isEqualTo(RequestKind.UNKNOWN);
    }

    @Test
    void aConnectionThatClosesWithoutAHangupIsInterruptedNotAbandoned() throws Exception {
        // Asterisk ends the session at the menu without a HANGUP line (the link broke, Asterisk stopped)
        try (var socket = new java.net.Socket()) {
            socket.connect(server.localAddress(), 2000);
            socket.setSoTimeout(5000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            var out = socket.getOutputStream();
            out.write(("agi_network: yes\nagi_network_script: hotline\nagi_channel: PJSIP/trunk-1\n"
                    + "agi_uniqueid: 1700000000.1\nagi_callerid: " + CALLER + "\nagi_arg_1: " + LINE + "\n\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null && !command.startsWith("GET DATA")) {
                String reply = command.startsWith("GET VARIABLE \"PLAYBACKSTATUS\"") ? "200 result=1 (SUCCESS)" : "200 result=1";
                out.write((reply + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(command).isEqualTo("GET DATA \"hotline/menu\" 6000 1");
        }

        CallOutcome outcome = awaitOutcome();
        assertThat(outcome).isEqualTo(new CallOutcome.Interrupted("the FastAGI connection closed without a hangup"));
        assertThat(store.only().kind()).isEqualTo(RequestKind.UNKNOWN);
    }

    @Test
    void missingPromptsFallBackToTheCoreSoundsAndTheCallGoesOn() throws Exception {
        // Asterisk has neither the line's greeting nor its menu recording (as on a stock PBX)
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "1" + "1" + "1203#" + "#")
                .withQueueAnswerer("PJSIP/1001")
                .withMissing(Set.of("hotline/complaints-welcome", "hotline/menu")));

        assertThat(transcript.lines()).containsSubsequence(
                "> EXEC Playback \"hotline/complaints-welcome\"", "< 200 result=0",
                "> GET VARIABLE \"PLAYBACKSTATUS\"", "< 200 result=1 (FAILED)",
                "> EXEC Playback \"hello-world\"", "< 200 result=0",
                "> GET VARIABLE \"PLAYBACKSTATUS\"", "< 200 result=1 (SUCCESS)",
                "> GET DATA \"hotline/menu\" 6000 1", "< 200 result=-1",
                "> CHANNEL STATUS", "< 200 result=6",
                "> GET DATA \"vm-enter-num-to-call\" 6000 1", "< 200 result=1");
        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "OK").containsEntry("HOTLINE_KIND", "complaint");
        assertThat(store.only().kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(outcomes()).containsExactly(new CallOutcome.Queued("hotline-complaints"), new CallOutcome.Answered("alice"));
    }

    @Test
    void aMissingPromptIsTriedOncePerCallThenItsCoreSoundIsUsedAtOnce() throws Exception {
        // menu: invalid 7, then 2; both rounds ask the menu
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "72" + "1" + "#" + "#")
                .withMissing(Set.of("hotline/menu")));

        assertThat(count(transcript, "GET DATA \"hotline/menu\" 6000 1")).isEqualTo(1);
        assertThat(count(transcript, "GET DATA \"vm-enter-num-to-call\" 6000 1")).isEqualTo(2);
        assertThat(store.only().kind()).isEqualTo(RequestKind.INQUIRY);
    }

    @Test
    void withoutTheRecordingAndItsCoreSoundTheQuestionIsAskedSilently() throws Exception {
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "5" + "1" + "#" + "#")
                .withMissing(Set.of("hotline/menu", "vm-enter-num-to-call")));

        assertThat(transcript.commands()).containsSubsequence("GET DATA \"hotline/menu\" 6000 1", "CHANNEL STATUS",
                "GET DATA \"vm-enter-num-to-call\" 6000 1", "CHANNEL STATUS", "GET DATA \"\" 6000 1");
        assertThat(store.only().kind()).isEqualTo(RequestKind.REPAIR);
    }

    @Test
    void aHangupDuringAPromptIsStillAHangup() throws Exception {
        // GET DATA answers -1 for a hangup too; the HANGUP before the next reply tells them apart
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "H"));

        assertThat(transcript.commands()).doesNotContain("GET DATA \"vm-enter-num-to-call\" 6000 1");
        assertThat(outcomes()).containsExactly(new CallOutcome.Abandoned());
    }

    @Test
    void aMessageTheRecordingDirectoryCannotTakeIsKeptUnderAsterisksSpool() throws Exception {
        routing.normal = FORWARD;
        // repair, confirm, location, record a message (ended by #)
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "5" + "1" + "12#" + "1" + "#")
                .withMissing(Set.of("hotline/messages")).withMessageSeconds(4));

        Ticket ticket = store.only();
        String kept = "/var/spool/asterisk/hotline-messages/" + ticket.number() + ".wav";
        assertThat(transcript.lines()).containsSubsequence(
                "> RECORD FILE \"hotline/messages/" + ticket.number() + "\" wav \"#\" 120000 BEEP s=5",
                "< 200 result=-1 (writefile)",
                "> GET FULL VARIABLE ${ASTSPOOLDIR}", "< 200 result=1 (/var/spool/asterisk)",
                "> EXEC Record \"" + kept + ",5,120,k\"", "< 200 result=0",
                "> GET VARIABLE \"RECORD_STATUS\"", "< 200 result=1 (DTMF)");
        assertThat(transcript.callerHungUp()).isFalse();
        assertThat(ticket.voiceMessageRef()).isEqualTo(kept);
        assertThat(outcomes()).last().isEqualTo(new CallOutcome.Voicemail(kept, CallOutcome.Voicemail.KEPT_IN_FALLBACK_DIRECTORY));
    }

    @Test
    void whenEvenTheSpoolCannotTakeItTheMessageGoesToTheLinesVoicemailBox() throws Exception {
        routing.normal = FORWARD;
        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "5" + "1" + "12#" + "1" + "H")
                .withMissing(Set.of("hotline/messages", "/var/spool/asterisk/hotline-messages")));

        String box = "/var/spool/asterisk/voicemail/hotline/complaints/INBOX/msg0000";
        assertThat(transcript.commands()).containsSubsequence("GET VARIABLE \"RECORD_STATUS\"",
                "EXEC VoiceMail \"complaints@hotline,s\"", "GET VARIABLE \"VM_MESSAGEFILE\"");
        Ticket ticket = store.only();
        assertThat(ticket.voiceMessageRef()).isEqualTo(box);
        // the caller hung up to end the message: abandoned, with the message kept
        assertThat(outcomes()).containsExactly(new CallOutcome.Abandoned());
    }

    @Test
    void slowTicketStoreGivesAFallbackVerdictToo() throws Exception {
        server.close();
        start(TestAgiConfig.dependencyTimeout(Duration.ofMillis(300)));
        store.openDelay(Duration.ofSeconds(2));

        var transcript = call(SimulatedCall.hotline(LINE, CALLER, "1"));

        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "FALLBACK")
                .containsEntry("HOTLINE_QUEUE", "hotline-complaints")
                .doesNotContainKey("HOTLINE_TICKET");
        // the ticket opened after the flow stopped waiting still tells what the caller got
        assertThat(awaitOutcome()).isInstanceOfSatisfying(CallOutcome.Interrupted.class,
                i -> assertThat(i.reason()).contains("fallback took the call"));
        assertThat(store.only().kind()).as("a kind, so it gets deadlines").isEqualTo(RequestKind.UNKNOWN);
    }

    /** The last outcome recorded, waiting for it (an interruption is recorded in the background). */
    private CallOutcome awaitOutcome() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<CallOutcome> recorded = store.count() == 0 ? List.of() : outcomes(); // opened in the background too
            if (!recorded.isEmpty()) {
                return recorded.get(recorded.size() - 1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no outcome recorded on " + store.only());
    }

    private static long count(CallTranscript transcript, String command) {
        return transcript.commands().stream().filter(command::equals).count();
    }
}
