package org.hotline.ivr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.TimeRange;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.survey.SurveyCallbacks;
import org.hotline.domain.survey.SurveyPolicies;
import org.hotline.domain.survey.SurveyPolicy;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.Classification;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiConfig;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.agi.TestAgiConfig;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.flow.DialTemplate;
import org.hotline.ivr.flow.HotlineFlowConfig;
import org.hotline.ivr.flow.SurveyFlow;
import org.hotline.ivr.survey.AmiSurveyDialer;
import org.hotline.storage.Storage;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The satisfaction call-back end to end: a resolved ticket in a real PostgreSQL, the call-back
 * scheduler, a real AMI Originate as the production survey user into the production
 * {@code hotline-survey} context of a real Asterisk, the caller's phone a Local channel that keys
 * a score (or never answers), and the survey flow on our FastAGI server recording the result.
 * The policy's intervals are shortened to a minute and the scheduler's clock is moved on instead
 * of waited for; what the call does is waited for as a condition.
 */
class SurveyCallbackIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Actor ALICE = new Actor("alice", Role.AGENT);

    @RegisterExtension
    static final InProcessService service = new InProcessService();
    static final AsteriskHarness asterisk = service.asterisk();

    private static final MutableClock clock = new MutableClock(TestRouting.OFFICE, ZoneOffset.UTC);
    private static Storage storage;
    private static FastAgiServer agi;
    private static AmiSurveyDialer dialer;
    private static SurveyCallbacks callbacks;
    private static int phones;

    @BeforeAll
    static void startService() throws Exception {
        storage = service.own(StorageFixture.shared().freshStorage(clock));
        HotlineConfig config = HotlineConfigBuilder.example().build();
        SurveyPolicy quick = new SurveyPolicy(Duration.ZERO, new TimeRange(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(20, 0)), 3,
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofDays(30), Duration.ofSeconds(3));
        dialer = service.own(new AmiSurveyDialer(AmiConfig.of("127.0.0.1", asterisk.amiPort(), AsteriskHarness.SURVEY_AMI_USER,
                asterisk.surveyAmiSecret()), new DialTemplate(AsteriskHarness.DIAL_TEMPLATE), SurveyCallbacks.ACTOR.id()));
        callbacks = new SurveyCallbacks(storage.tickets(), storage.surveys(), dialer,
                new SurveyPolicies(true, quick, List.of()), new WorkingCalendar(config.calendar(), config.zone()),
                "it-instance", clock);
        HotlineFlowConfig flowConfig = new HotlineFlowConfig(new DialTemplate(AsteriskHarness.DIAL_TEMPLATE), clock,
                2500, 2, 20, asterisk.recordingsDirInChroot(), 15, Map.of());
        agi = service.agi(new FastAgiServer(TestAgiConfig.onFreePort(),
                new AgiFlows(Map.of(SurveyFlow.NAME, new SurveyFlow(storage.tickets(), flowConfig, callbacks, SurveyFlow.DEFAULT_QUESTION,
                        SurveyFlow.DEFAULT_COMMENT_PROMPT, 8))),
                new SimpleMeterRegistry()));
    }

    @BeforeEach
    void officeHours() {
        clock.set(TestRouting.OFFICE);
    }

    @Test
    void aCallerWhoKeysFiveIsSatisfiedAndTheTicketCanClose() throws Exception {
        String phone = nextPhone();
        asterisk.phoneKeys(phone, '5');
        Ticket resolved = resolvedComplaint(phone);

        SurveyCallbacks.Scan scan = callbacks.scan();
        assertThat(scan.placed()).extracting(SurveyCall::ticketId).containsExactly(resolved.id());
        asterisk.ami().await(0, m -> m.isEvent("OriginateResponse") && "Success".equals(m.get("Response"))
                && m.get("Channel") != null && m.get("Channel").contains(phone), WAIT, "the originated call-back is answered");

        SurveyCall done = awaitSurvey(resolved, c -> c.state() == SurveyCall.State.ANSWERED);
        assertThat(done.attempts()).isEqualTo(1);
        Ticket after = tickets().find(resolved.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.CALLBACK);
        assertThat(after.lastCallback()).isEqualTo(CallbackResult.SATISFIED);
        assertThat(actions(after)).containsSubsequence("resolve", "survey-attempt", "survey-attempt", "record-callback");
        assertThat(tickets().history(after.id())).filteredOn(e -> "record-callback".equals(e.action())).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(SurveyCallbacks.ACTOR.id());
                    assertThat(e.note()).contains("5 of 5");
                });

        Ticket classified = tickets().apply(after.id(), after.version(), ALICE,
                new TicketAction.Classify(Classification.VALID, null));
        Ticket closed = tickets().apply(classified.id(), classified.version(), ALICE, new TicketAction.Close("done"));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aCallerWhoScoresAndThenSpeaksLeavesACommentRecordedLikeAMessageAndNamedInTheHistory() throws Exception {
        String phone = nextPhone();
        asterisk.phoneKeysAndTalks(phone, '4');
        Ticket resolved = resolvedComplaint(phone);

        assertThat(callbacks.scan().placed()).extracting(SurveyCall::ticketId).containsExactly(resolved.id());
        List<HistoryEvent> history = awaitHistory(resolved, h -> h.stream().anyMatch(e -> "survey-comment".equals(e.action())));
        assertThat(history.stream().map(HistoryEvent::action).toList())
                .containsSubsequence("survey-attempt", "record-callback", "survey-comment");
        HistoryEvent comment = history.stream().filter(e -> "survey-comment".equals(e.action())).findFirst().orElseThrow();
        String file = resolved.number() + "-survey-" + resolved.id() + "-1-1.wav";
        assertThat(comment.data()).containsEntry("recording", asterisk.recordingsDirInChroot() + "/" + file)
                .containsEntry("attempt", resolved.id() + "-1-1");
        assertThat(comment.actor()).isEqualTo(SurveyCallbacks.ACTOR.id());
        java.nio.file.Path wav = asterisk.hostPath(comment.data().get("recording"));
        assertThat(wav).as("Asterisk wrote the comment").exists();
        assertThat(java.nio.file.Files.size(wav)).as("with the caller's voice in it").isGreaterThan(8000);
        assertThat(tickets().find(resolved.id()).orElseThrow().lastCallback()).isEqualTo(CallbackResult.SATISFIED);
    }

    @Test
    void aCallerWhoKeysTwoIsNotSatisfiedAndTheTicketIsDispatchedASecondTime() throws Exception {
        String phone = nextPhone();
        asterisk.phoneKeys(phone, '2');
        Ticket resolved = resolvedComplaint(phone);

        assertThat(callbacks.scan().placed()).extracting(SurveyCall::ticketId).containsExactly(resolved.id());

        awaitSurvey(resolved, c -> c.state() == SurveyCall.State.ANSWERED);
        Ticket after = tickets().find(resolved.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(after.dispatchCount()).isEqualTo(2);
        assertThat(tickets().history(after.id())).filteredOn(e -> "redispatch".equals(e.action())).singleElement()
                .satisfies(e -> assertThat(e.note()).contains("2 of 5"));
        assertThat(tickets().history(after.id())).filteredOn(e -> "record-callback".equals(e.action())).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("result", "UNSATISFIED"));
    }

    @Test
    void aSilentPhoneIsCalledThreeTimesThenListedForAgentsWhoseResultIsRecorded() throws Exception {
        String phone = nextPhone();
        asterisk.phone(phone, AsteriskHarness.PhoneMode.SILENT);
        Ticket resolved = resolvedComplaint(phone);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(callbacks.scan().placed()).as("attempt %d placed", attempt)
                    .extracting(SurveyCall::ticketId).containsExactly(resolved.id());
            assertThat(callbacks.scan().placed()).as("attempt %d is placed once", attempt).isEmpty();
            int n = attempt;
            SurveyCall after = awaitSurvey(resolved, c -> c.attempts() == n && c.state() != SurveyCall.State.CALLING);
            assertThat(after.state()).isEqualTo(n < 3 ? SurveyCall.State.SCHEDULED : SurveyCall.State.FAILED);
            assertThat(callbacks.scan().placed()).as("not before the interval").isEmpty();
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(callbacks.scan().placed()).as("no fourth attempt").isEmpty();
        assertThat(callbacks.failed(50)).extracting(SurveyCall::ticketId).contains(resolved.id());
        assertThat(storage.surveys().attempts(resolved.id(), 1)).extracting(a -> a.outcome())
                .containsExactly("no-answer", "no-answer", "no-answer");
        List<HistoryEvent> history = awaitHistory(resolved, h -> h.stream().anyMatch(e -> "survey-attempt".equals(e.action())
                && "failed".equals(e.data().get("outcome"))));
        assertThat(history).filteredOn(e -> "survey-attempt".equals(e.action()))
                .extracting(e -> e.data().get("outcome"))
                .containsExactly("scheduled", "placed", "no-answer", "placed", "no-answer", "placed", "failed");

        Ticket byHand = callbacks.recordByHand(resolved.id(), ALICE, 4, "reached on the second number");
        assertThat(byHand.lastCallback()).isEqualTo(CallbackResult.SATISFIED);
        assertThat(callbacks.failed(50)).extracting(SurveyCall::ticketId).doesNotContain(resolved.id());
        assertThat(tickets().history(resolved.id())).filteredOn(e -> "record-callback".equals(e.action()))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("alice");
                    assertThat(e.note()).contains("4 of 5").contains("by hand");
                });
    }

    @Test
    void theDutyManagersVoiceAlertReadsTheTicketNumberOutThroughTheProductionContext() throws Exception {
        String phone = nextPhone();
        asterisk.phone(phone, AsteriskHarness.PhoneMode.ANSWER);
        String ticket = "HL-2026-004217";

        var outcome = dialer.alertDuty(ticket, phone, Duration.ofSeconds(10)).toCompletableFuture()
                .get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(outcome.result()).isEqualTo(org.hotline.domain.survey.SurveyDialer.Result.ANSWERED);
        asterisk.ami().await(0, m -> m.isEvent("Newexten") && AmiSurveyDialer.ALERT_CONTEXT.equals(m.get("Context"))
                && "SayAlpha".equals(m.get("Application")) && ticket.equals(m.get("AppData")), WAIT,
                "the alert reads " + ticket + " out in " + AmiSurveyDialer.ALERT_CONTEXT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dialer.alertDuty(ticket, "12; Application=System", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 20 digits");

        String silent = nextPhone();
        asterisk.phone(silent, AsteriskHarness.PhoneMode.SILENT);
        var unanswered = dialer.alertDuty(ticket, silent, Duration.ofSeconds(5)).toCompletableFuture()
                .get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(unanswered.result()).isEqualTo(org.hotline.domain.survey.SurveyDialer.Result.NOT_ANSWERED);
    }

    @Test
    void theSurveyUserCannotRunCommandsAndTheHotlineUserCannotOriginate() throws Exception {
        try (AmiTestConnection survey = AmiTestConnection.open(asterisk.amiPort(), AsteriskHarness.SURVEY_AMI_USER,
                asterisk.surveyAmiSecret(), Duration.ofSeconds(5))) {
            AmiMessage command = survey.action("Command", "Command", "core show version");
            assertThat(command.get("Response")).isEqualTo("Error");
            assertThat(command.get("Message")).containsIgnoringCase("permission denied");
            AmiMessage config = survey.action("GetConfig", "Filename", "manager.conf");
            assertThat(config.get("Response")).isEqualTo("Error");
        }
        try (AmiTestConnection hotline = AmiTestConnection.open(asterisk.amiPort(), AsteriskHarness.HOTLINE_AMI_USER,
                asterisk.hotlineAmiSecret(), Duration.ofSeconds(5))) {
            AmiMessage originate = hotline.action("Originate", "Channel", AsteriskHarness.device("13800000999"),
                    "Context", AmiSurveyDialer.CONTEXT, "Exten", "s", "Priority", "1", "Async", "true");
            assertThat(originate.get("Response")).isEqualTo("Error");
            assertThat(originate.get("Message")).containsIgnoringCase("permission denied");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static TicketStore tickets() {
        return storage.tickets();
    }

    private static String nextPhone() {
        return "1380000" + (1100 + ++phones);
    }

    /** A complaint from {@code phone}, dispatched, and resolved now. */
    private static Ticket resolvedComplaint(String phone) {
        String id = "survey-it-" + phone;
        Ticket t = tickets().openForCall(new CallIntake("complaints", phone, "Caller", id, id, clock.instant()));
        t = tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT).withCallbackNumber(phone));
        t = tickets().apply(t.id(), t.version(), ALICE, new TicketAction.Dispatch("engineering", null));
        return tickets().apply(t.id(), t.version(), ALICE, new TicketAction.Resolve("lift repaired", "engineering"));
    }

    private static SurveyCall awaitSurvey(Ticket ticket, Predicate<SurveyCall> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        SurveyCall last = null;
        while (System.nanoTime() < deadline) {
            last = storage.surveys().find(ticket.id(), ticket.dispatchCount()).orElse(null);
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the call-back of " + ticket.number() + " did not get there within " + WAIT
                + "; last: " + last + "; history: " + actions(ticket));
    }

    /** The history once it satisfies {@code done} (the attempt's entry follows the store's record of it). */
    private static List<HistoryEvent> awaitHistory(Ticket ticket, Predicate<List<HistoryEvent>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<HistoryEvent> history = tickets().history(ticket.id());
            if (done.test(history)) {
                return history;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the history of " + ticket.number() + " did not get there within " + WAIT + ": "
                + actions(ticket));
    }

    private static List<String> actions(Ticket t) {
        return tickets().history(t.id()).stream().map(HistoryEvent::action).toList();
    }

}
