package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.agi.TestAgiConfig;
import org.hotline.ivr.sim.CallSimulator;
import org.hotline.ivr.sim.SimulatedCall;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The survey flow over FastAGI against a mocked ticket store: what the flow asks of the store (the
 * call-back it records, or nothing) is the point, so the store's interactions are verified.
 */
class SurveyFlowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    private final TicketStore store = mock(TicketStore.class);
    private FastAgiServer server;
    private CallSimulator simulator;
    private Ticket ticket;

    @BeforeEach
    void start() throws Exception {
        var config = HotlineFlowConfig.defaults(new DialTemplate("PJSIP/{number}@trunk"), CLOCK, Map.of());
        server = new FastAgiServer(TestAgiConfig.onFreePort(),
                new AgiFlows(Map.of(SurveyFlow.NAME, new SurveyFlow(store, config))), new SimpleMeterRegistry());
        server.start();
        simulator = new CallSimulator(server.localAddress(), Duration.ofSeconds(10));
        ticket = new InMemoryTickets(CLOCK).openForCall(
                new CallIntake("complaints", "13912345678", null, "u1", "l1", CLOCK.instant()));
        when(store.findByNumber(ticket.number())).thenReturn(Optional.of(ticket));
        when(store.apply(anyLong(), anyLong(), any(), any())).thenReturn(ticket);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void highScoreIsRecordedAsTheUsersSatisfiedCallback() throws Exception {
        var transcript = simulator.run(SimulatedCall.survey(ticket.number(), "alice", "13912345678", "5"));

        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "OK").containsEntry("HOTLINE_SURVEY", "5");
        verify(store).apply(ticket.id(), ticket.version(), new Actor("alice", Role.AGENT),
                new TicketAction.RecordCallback(CallbackResult.SATISFIED, "IVR satisfaction survey: 5 of 5"));
    }

    @Test
    void invalidKeyIsRetriedAndALowScoreIsNotSatisfied() throws Exception {
        var transcript = simulator.run(SimulatedCall.survey(ticket.number(), "alice", "13912345678", "72"));

        assertThat(transcript.commands()).contains("EXEC Playback \"pbx-invalid\"");
        ArgumentCaptor<TicketAction> recorded = ArgumentCaptor.forClass(TicketAction.class);
        verify(store).apply(anyLong(), anyLong(), any(), recorded.capture());
        assertThat(recorded.getAllValues()).extracting(a -> ((TicketAction.RecordCallback) a).result())
                .containsExactly(CallbackResult.UNSATISFIED);
    }

    @Test
    void noKeysRecordNothing() throws Exception {
        var transcript = simulator.run(SimulatedCall.survey(ticket.number(), "alice", "13912345678", ""));

        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "NO_INPUT");
        verify(store, never()).apply(anyLong(), anyLong(), any(), any());
    }

    @Test
    void unknownTicketRefusedTransitionAndBadArgumentsSaySo() throws Exception {
        assertThat(simulator.run(SimulatedCall.survey("HL-2026-999999", "alice", null, "5")).variable("HOTLINE_STATUS"))
                .isEqualTo("UNKNOWN_TICKET");
        assertThat(simulator.run(SimulatedCall.survey(ticket.number(), "alice bob", null, "5")).variable("HOTLINE_STATUS"))
                .isEqualTo("BAD_REQUEST");
        when(store.apply(anyLong(), anyLong(), any(), any()))
                .thenThrow(new TransitionRefusedException("the ticket is not resolved yet"));
        assertThat(simulator.run(SimulatedCall.survey(ticket.number(), "alice", null, "4")).variable("HOTLINE_STATUS"))
                .isEqualTo("REFUSED");
    }

    /** What the automatic call-back's flow reports, recorded. */
    static final class RecordingOutcomes implements org.hotline.domain.survey.SurveyOutcomes {
        final java.util.List<String> reports = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String scored(String attemptId, int score) {
            if (attemptId.startsWith("9-")) {
                throw new IllegalArgumentException("survey attempt " + attemptId + " is not under way");
            }
            reports.add(attemptId + " scored " + score);
            return "satisfied";
        }

        @Override
        public void noScore(String attemptId) {
            reports.add(attemptId + " no score");
        }

        @Override
        public void commented(String attemptId, String recordingRef, String keptBy) {
            reports.add(attemptId + " commented " + recordingRef + (keptBy == null ? "" : " kept by " + keptBy));
        }
    }

    private String automatic(RecordingOutcomes outcomes, String attempt, String keys) throws Exception {
        return automatic(outcomes, attempt, keys, 0, java.util.Set.of());
    }

    private String automatic(RecordingOutcomes outcomes, String attempt, String keys, int commentSeconds,
            java.util.Set<String> missing) throws Exception {
        var config = HotlineFlowConfig.defaults(new DialTemplate("PJSIP/{number}@trunk"), CLOCK, Map.of());
        try (var auto = new FastAgiServer(TestAgiConfig.onFreePort(),
                new AgiFlows(Map.of(SurveyFlow.NAME, new SurveyFlow(store, config, outcomes, SurveyFlow.DEFAULT_QUESTION,
                        SurveyFlow.DEFAULT_COMMENT_PROMPT, SurveyFlow.DEFAULT_COMMENT_SECONDS))), new SimpleMeterRegistry())) {
            auto.start();
            var call = new SimulatedCall("survey", "s", "13912345678", keys, Map.of(), null, commentSeconds,
                    java.util.List.of(ticket.number(), "survey-callback", attempt), missing);
            return new CallSimulator(auto.localAddress(), Duration.ofSeconds(10)).run(call).variable("HOTLINE_STATUS");
        }
    }

    @Test
    void anAutomaticCallBackReportsTheScoreOrItsAbsenceOnTheAttempt() throws Exception {
        var outcomes = new RecordingOutcomes();
        assertThat(automatic(outcomes, "7-1-2", "5")).isEqualTo("OK");
        assertThat(automatic(outcomes, "7-1-3", "")).isEqualTo("NO_INPUT");
        assertThat(automatic(outcomes, "9-1-1", "4")).isEqualTo("REFUSED");
        assertThat(automatic(outcomes, "not an attempt", "4")).isEqualTo("BAD_REQUEST");
        assertThat(outcomes.reports).containsExactly("7-1-2 scored 5", "7-1-3 no score");
        verify(store, never()).apply(anyLong(), anyLong(), any(), any()); // the call-back records, not the flow
    }

    @Test
    void aCommentAfterTheScoreIsRecordedLikeAMessageAndReportedOnTheAttempt() throws Exception {
        var outcomes = new RecordingOutcomes();
        assertThat(automatic(outcomes, "7-1-1", "5#", 4, java.util.Set.of())).isEqualTo("OK");
        String file = ticket.number() + "-survey-7-1-1";
        assertThat(outcomes.reports).containsExactly("7-1-1 scored 5", "7-1-1 commented hotline/messages/" + file + ".wav");

        var hungUp = new RecordingOutcomes();
        automatic(hungUp, "7-1-2", "4#H", 3, java.util.Set.of());
        assertThat(hungUp.reports).as("a comment cut short by hanging up is kept")
                .containsExactly("7-1-2 scored 4", "7-1-2 commented hotline/messages/" + ticket.number() + "-survey-7-1-2.wav");

        var fallback = new RecordingOutcomes();
        automatic(fallback, "7-1-3", "5#", 3, java.util.Set.of("hotline/messages"));
        assertThat(fallback.reports).as("kept under Asterisk's spool directory, like a message")
                .containsExactly("7-1-3 scored 5", "7-1-3 commented " + "/var/spool/asterisk/"
                        + VoiceRecorder.FALLBACK_SUBDIRECTORY + "/" + ticket.number() + "-survey-7-1-3.wav kept by "
                        + org.hotline.domain.ticket.CallOutcome.Voicemail.KEPT_IN_FALLBACK_DIRECTORY);

        var silent = new RecordingOutcomes();
        automatic(silent, "7-1-4", "5", 0, java.util.Set.of());
        assertThat(silent.reports).as("silence records no comment").containsExactly("7-1-4 scored 5");
    }

    @Test
    void aPanelSurveysCommentGoesIntoTheHistoryAsTheUsers() throws Exception {
        when(store.find(ticket.id())).thenReturn(Optional.of(ticket));
        simulator.run(SimulatedCall.survey(ticket.number(), "alice", "13912345678", "4#").withMessageSeconds(5));

        Actor alice = new Actor("alice", Role.AGENT);
        verify(store).apply(ticket.id(), ticket.version(), alice,
                new TicketAction.RecordCallback(CallbackResult.SATISFIED, "IVR satisfaction survey: 4 of 5"));
        verify(store).apply(ticket.id(), ticket.version(), alice,
                new TicketAction.SurveyComment("hotline/messages/" + ticket.number() + "-survey-alice.wav", null, null));
    }

    @Test
    void hangupDuringTheQuestionEndsQuietly() throws Exception {
        var transcript = simulator.run(SimulatedCall.survey(ticket.number(), "alice", null, "H"));

        assertThat(transcript.variables()).doesNotContainKey("HOTLINE_STATUS");
        verify(store, never()).apply(anyLong(), anyLong(), any(), any());
    }
}
