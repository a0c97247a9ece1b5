package org.hotline.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TicketLifecycleTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final Actor ALICE = new Actor("alice", Role.AGENT);
    static final Actor BOB = new Actor("bob", Role.AGENT);
    static final Actor SUP = new Actor("sue", Role.SUPERVISOR);
    static final Actor TIP = new Actor("tina", Role.TIP_OFF_HANDLER);
    static final Actor IVR = Actor.ivr();

    final TicketLifecycle lifecycle = new TicketLifecycle();

    static Ticket ticket(TicketStatus status, RequestKind kind) {
        return new Ticket.Builder().id(1).number("HL-2026-000001").line("complaints").kind(kind)
                .status(status).owner("alice").department("eng").createdAt(T0).updatedAt(T0).version(3).build();
    }

    static Stream<Arguments> table() {
        Ticket complaint = ticket(TicketStatus.ACCEPTED, RequestKind.COMPLAINT);
        Ticket dispatched = ticket(TicketStatus.DISPATCHED, RequestKind.COMPLAINT).toBuilder().dispatchCount(1).build();
        Ticket resolved = ticket(TicketStatus.RESOLVED, RequestKind.COMPLAINT).toBuilder().dispatchCount(1).build();
        Ticket cbSatisfiedValid = ticket(TicketStatus.CALLBACK, RequestKind.COMPLAINT).toBuilder()
                .lastCallback(CallbackResult.SATISFIED).classification(Classification.VALID).build();
        Ticket cbUnsatisfiedValid = cbSatisfiedValid.toBuilder().lastCallback(CallbackResult.UNSATISFIED).dispatchCount(2).build();
        Ticket cbUnsatisfiedInvalid = cbUnsatisfiedValid.toBuilder().classification(Classification.INVALID).build();
        Ticket cbUnclassified = cbSatisfiedValid.toBuilder().classification(null).build();
        Ticket cbExplainedInvalid = cbUnsatisfiedInvalid.toBuilder().explanation("the charge was the tenant's own").build();
        Ticket cbSatisfiedImprove = cbSatisfiedValid.toBuilder().classification(Classification.TO_BE_IMPROVED).build();
        Ticket cbImproveExplained = cbSatisfiedImprove.toBuilder().lastCallback(CallbackResult.UNSATISFIED)
                .explanation("the lift belongs to the city; repair planned in May").build();
        Ticket cbImproveAccepted = cbImproveExplained.toBuilder().explanationAccepted(true).build();
        Ticket dispatchedInvalid = dispatched.toBuilder().classification(Classification.INVALID).build();
        Ticket dispatchedValid = dispatched.toBuilder().classification(Classification.VALID).build();
        Ticket cbNoAnswerRepair = ticket(TicketStatus.CALLBACK, RequestKind.REPAIR).toBuilder().lastCallback(CallbackResult.NO_ANSWER).build();
        Ticket missed = ticket(TicketStatus.MISSED, RequestKind.COMPLAINT).toBuilder().owner(null).callbackRequested(true).build();
        Ticket closed = ticket(TicketStatus.CLOSED, RequestKind.COMPLAINT);
        Ticket inquiry = ticket(TicketStatus.ACCEPTED, RequestKind.INQUIRY);
        Ticket confidential = ticket(TicketStatus.ACCEPTED, RequestKind.REPORT).toBuilder().confidential(true).owner("carol").build();
        Ticket noKind = ticket(TicketStatus.ACCEPTED, null);
        return Stream.of(
                // ticket, actor, action, expected status or null if refused, text in the reason
                Arguments.of(complaint, ALICE, new TicketAction.Dispatch("eng", null), TicketStatus.DISPATCHED, null),
                Arguments.of(noKind, ALICE, new TicketAction.Dispatch("eng", null), null, "choose the kind"),
                Arguments.of(complaint, ALICE, new TicketAction.Dispatch(" ", null), null, "name the department"),
                Arguments.of(complaint, BOB, new TicketAction.Dispatch("eng", null), null, "owned by alice"),
                Arguments.of(complaint, IVR, new TicketAction.Dispatch("eng", null), null, "may not dispatch"),
                Arguments.of(dispatched, ALICE, new TicketAction.StartProgress(null), TicketStatus.IN_PROGRESS, null),
                Arguments.of(dispatched, ALICE, new TicketAction.RecordPlan("fix pump", NOW), TicketStatus.DISPATCHED, null),
                Arguments.of(dispatched, ALICE, new TicketAction.RecordPlan("fix pump", null), null, "completion time"),
                Arguments.of(dispatched, ALICE, new TicketAction.Resolve("fixed", "zhao"), TicketStatus.RESOLVED, null),
                Arguments.of(dispatched, ALICE, new TicketAction.Resolve("fixed", ""), null, "who did it"),
                Arguments.of(complaint, ALICE, new TicketAction.Resolve("fixed", "me"), null, "only an inquiry"),
                Arguments.of(inquiry, ALICE, new TicketAction.Resolve("answered", "alice"), TicketStatus.RESOLVED, null),
                Arguments.of(resolved, ALICE, new TicketAction.RecordCallback(CallbackResult.SATISFIED, null), TicketStatus.CALLBACK, null),
                Arguments.of(complaint, ALICE, new TicketAction.RecordCallback(CallbackResult.SATISFIED, null), null, "it is accepted"),
                Arguments.of(resolved, ALICE, new TicketAction.Close("done"), null, "allowed only when"),
                Arguments.of(cbSatisfiedValid, ALICE, new TicketAction.Close("done"), TicketStatus.CLOSED, null),
                Arguments.of(cbUnsatisfiedValid, ALICE, new TicketAction.Close("done"), null, "valid complaint closes only when the caller is satisfied"),
                // each classification closes by its own field
                Arguments.of(cbUnsatisfiedInvalid, ALICE, new TicketAction.Close("explained"), null, "invalid complaint closes once it has been explained"),
                Arguments.of(cbExplainedInvalid, ALICE, new TicketAction.Close("explained"), TicketStatus.CLOSED, null),
                Arguments.of(cbSatisfiedImprove, ALICE, new TicketAction.Close("done"), null, "accepts the explanation; record the explanation first"),
                Arguments.of(cbImproveExplained, ALICE, new TicketAction.Close("done"), null, "has not accepted it"),
                Arguments.of(cbImproveAccepted, ALICE, new TicketAction.Close("done"), TicketStatus.CLOSED, null),
                Arguments.of(cbImproveAccepted.toBuilder().lastCallback(CallbackResult.NO_ANSWER).build(), ALICE,
                        new TicketAction.Close("done"), null, "not been reached"),
                Arguments.of(dispatchedInvalid, ALICE, new TicketAction.RecordExplanation("a misunderstanding", false), TicketStatus.DISPATCHED, null),
                Arguments.of(dispatchedInvalid, ALICE, new TicketAction.RecordExplanation(" ", true), null, "say what was explained"),
                Arguments.of(dispatchedValid, ALICE, new TicketAction.RecordExplanation("sorry", true), null, "valid complaint closes when the caller is satisfied"),
                Arguments.of(dispatched, ALICE, new TicketAction.RecordExplanation("why", true), null, "classify it first"),
                Arguments.of(cbImproveExplained, IVR, new TicketAction.RecordExplanation("why", true), null, "may not record-explanation"),
                Arguments.of(closed.toBuilder().classification(Classification.INVALID).build(), ALICE,
                        new TicketAction.RecordExplanation("why", true), null, "it is closed"),
                Arguments.of(missed, IVR, new TicketAction.DutyTold("duty-a", "email"), TicketStatus.MISSED, null),
                Arguments.of(missed, ALICE, new TicketAction.DutyTold("duty-a", "email"), null, "may not duty-told"),
                Arguments.of(cbUnclassified, ALICE, new TicketAction.Close("done"), null, "classify the complaint"),
                Arguments.of(cbNoAnswerRepair, ALICE, new TicketAction.Close("done"), null, "not been reached"),
                Arguments.of(cbSatisfiedValid, ALICE, new TicketAction.Redispatch("unhappy", null), null, "unsatisfied call-back"),
                Arguments.of(cbUnsatisfiedValid, ALICE, new TicketAction.Redispatch("unhappy", null), TicketStatus.DISPATCHED, null),
                Arguments.of(cbUnsatisfiedValid, ALICE, new TicketAction.Redispatch(null, null), null, "reason"),
                Arguments.of(missed, BOB, new TicketAction.TakeOver(null), TicketStatus.ACCEPTED, null),
                Arguments.of(complaint, BOB, new TicketAction.TakeOver(null), null, "owned by alice"),
                Arguments.of(complaint, ALICE, new TicketAction.Reassign("bob", null), null, "may not reassign"),
                Arguments.of(complaint, SUP, new TicketAction.Reassign("bob", null), TicketStatus.ACCEPTED, null),
                Arguments.of(closed, SUP, new TicketAction.Reassign("bob", null), null, "it is closed"),
                Arguments.of(closed, ALICE, new TicketAction.AddNote("late note"), null, "it is closed"),
                Arguments.of(complaint, BOB, new TicketAction.AddNote("called"), TicketStatus.ACCEPTED, null),
                Arguments.of(inquiry, ALICE, new TicketAction.Classify(Classification.VALID, null), null, "only complaints"),
                Arguments.of(complaint, IVR, new TicketAction.Abandon(null), TicketStatus.ABANDONED, null),
                Arguments.of(complaint, ALICE, new TicketAction.Abandon(null), null, "may not abandon"),
                Arguments.of(dispatched, IVR, new TicketAction.MarkMissed(null), null, "it is dispatched"),
                Arguments.of(missed, ALICE, new TicketAction.Close("wrong number"), null, "may not close"),
                Arguments.of(missed, SUP, new TicketAction.Close("wrong number"), TicketStatus.CLOSED, null),
                Arguments.of(missed, SUP, new TicketAction.Close(""), null, "say why"),
                Arguments.of(confidential, ALICE, new TicketAction.AddNote("x"), null, "confidential"),
                Arguments.of(confidential, SUP, new TicketAction.AddNote("x"), null, "confidential"),
                Arguments.of(confidential, TIP, new TicketAction.AddNote("x"), TicketStatus.ACCEPTED, null));
    }

    @ParameterizedTest(name = "{index}: {2} on {0} by {1}")
    @MethodSource("table")
    void eachTransitionIsAllowedOrRefusedWithAReason(Ticket t, Actor actor, TicketAction action,
            TicketStatus expected, String reasonPart) {
        TicketLifecycle.Decision d = lifecycle.decide(t, actor, action, NOW);
        if (expected == null) {
            assertThat(d).isInstanceOf(TicketLifecycle.Refused.class);
            assertThat(((TicketLifecycle.Refused) d).reason()).contains(reasonPart);
        } else {
            assertThat(d).isInstanceOf(TicketLifecycle.Applied.class);
            TicketLifecycle.Applied a = (TicketLifecycle.Applied) d;
            assertThat(a.after().status()).isEqualTo(expected);
            assertThat(a.from()).isEqualTo(t.status());
            assertThat(a.to()).isEqualTo(expected);
            assertThat(a.after().updatedAt()).isEqualTo(NOW);
            assertThat(a.after().version()).isEqualTo(t.version());
        }
    }

    @Test
    void redispatchCountsAndTheThirdEscalates() {
        Ticket t = ticket(TicketStatus.CALLBACK, RequestKind.COMPLAINT).toBuilder().dispatchCount(1)
                .classification(Classification.VALID).lastCallback(CallbackResult.UNSATISFIED).build();
        Ticket second = applied(t, ALICE, new TicketAction.Redispatch("still leaking", null));
        assertThat(second.dispatchCount()).isEqualTo(2);
        assertThat(second.escalated()).isFalse();
        assertThat(second.lastCallback()).isNull();
        Ticket again = second.toBuilder().status(TicketStatus.CALLBACK).lastCallback(CallbackResult.UNSATISFIED).build();
        Ticket third = applied(again, ALICE, new TicketAction.Redispatch("still leaking", "management"));
        assertThat(third.dispatchCount()).isEqualTo(3);
        assertThat(third.escalated()).isTrue();
        assertThat(third.department()).isEqualTo("management");
    }

    @Test
    void anAgentActingOnAnUnownedTicketBecomesItsOwner() {
        Ticket t = ticket(TicketStatus.MISSED, RequestKind.REPAIR).toBuilder().owner(null).callbackRequested(true).build();
        assertThat(t.awaitsAgent()).isTrue();
        Ticket after = applied(t, BOB, new TicketAction.Dispatch("eng", "called back"));
        assertThat(after.owner()).isEqualTo("bob");
        assertThat(after.dispatchCount()).isEqualTo(1);
        assertThat(after.awaitsAgent()).isFalse();
    }

    @Test
    void callOutcomesAreIdempotentFacts() {
        Ticket t = ticket(TicketStatus.ACCEPTED, RequestKind.COMPLAINT).toBuilder().owner(null).build();
        Ticket missed = lifecycle.onCallOutcome(t, new CallOutcome.Voicemail("vm-1"), NOW).after();
        assertThat(missed.status()).isEqualTo(TicketStatus.MISSED);
        assertThat(missed.callbackRequested()).isTrue();
        assertThat(missed.voiceMessageRef()).isEqualTo("vm-1");
        assertThat(lifecycle.onCallOutcome(missed, new CallOutcome.Voicemail("vm-1"), NOW).after()).isEqualTo(missed);

        Ticket answered = lifecycle.onCallOutcome(t, new CallOutcome.Answered("alice"), NOW).after();
        assertThat(answered.owner()).isEqualTo("alice");
        assertThat(lifecycle.onCallOutcome(answered, new CallOutcome.Answered("bob"), NOW).after().owner()).isEqualTo("alice");

        Ticket noKind = t.toBuilder().kind(null).build();
        Ticket abandonedEarly = lifecycle.onCallOutcome(noKind, new CallOutcome.Abandoned(), NOW).after();
        assertThat(abandonedEarly.status()).isEqualTo(TicketStatus.ABANDONED);
        assertThat(abandonedEarly.callbackRequested()).isFalse();
        assertThat(lifecycle.onCallOutcome(t, new CallOutcome.Abandoned(), NOW).after().callbackRequested()).isTrue();
    }

    @Test
    void aCorrectedIntakeKeepsTheOldValuesInItsHistoryEvent() {
        Ticket t = ticket(TicketStatus.ACCEPTED, RequestKind.COMPLAINT).toBuilder().owner("alice")
                .callbackNumber("13900000001").location("Gate 3").build();
        var d = (TicketLifecycle.Applied) lifecycle.decide(t, ALICE, new TicketAction.EditIntake(IntakeUpdate.none()
                .withCallbackNumber("13900000002").withLocation("Gate 3")), NOW);
        assertThat(d.after().callbackNumber()).isEqualTo("13900000002");
        assertThat(d.data()).containsEntry("callbackNumber", "13900000002").containsEntry("callbackNumber.was", "13900000001")
                .doesNotContainKey("location.was");
    }

    @Test
    void aMissedCallTellsWhatTheFallbackDidAndAsksForACallBackOnlyWhenNobodyAnswered() {
        Ticket t = ticket(TicketStatus.ACCEPTED, null).toBuilder().owner(null).build();

        TicketLifecycle.Applied byAgent = lifecycle.onCallOutcome(t, new CallOutcome.Missed("alice", "alice", null), NOW);
        assertThat(byAgent.after().callDisposition()).isEqualTo(CallDisposition.MISSED);
        assertThat(byAgent.after().status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(byAgent.after().owner()).isEqualTo("alice");
        assertThat(byAgent.after().forwardedTo()).isEqualTo("alice");
        assertThat(byAgent.after().callbackRequested()).isFalse();
        assertThat(byAgent.action()).isEqualTo("call-missed");
        assertThat(byAgent.data()).containsEntry("fallback", "answered").containsEntry("by", "alice");

        Ticket byDuty = lifecycle.onCallOutcome(t, new CallOutcome.Missed("wang", null, null), NOW).after();
        assertThat(byDuty.owner()).as("a duty manager is no panel owner").isNull();
        assertThat(byDuty.forwardedTo()).isEqualTo("wang");

        TicketLifecycle.Applied voicemail = lifecycle.onCallOutcome(t, new CallOutcome.Missed(null, null, "complaints@hotline"), NOW);
        assertThat(voicemail.after().status()).isEqualTo(TicketStatus.MISSED);
        assertThat(voicemail.after().callbackRequested()).isTrue();
        assertThat(voicemail.after().awaitsAgent()).isTrue();
        assertThat(voicemail.data()).containsEntry("fallback", "voicemail").containsEntry("voicemail", "complaints@hotline");

        TicketLifecycle.Applied nobody = lifecycle.onCallOutcome(t, new CallOutcome.Missed(null, null, null), NOW);
        assertThat(nobody.after().status()).isEqualTo(TicketStatus.MISSED);
        assertThat(nobody.after().callbackRequested()).isTrue();
        assertThat(nobody.data()).containsEntry("fallback", "nobody");
        assertThat(lifecycle.onCallOutcome(nobody.after(), new CallOutcome.Missed(null, null, null), NOW).after())
                .isEqualTo(nobody.after());
    }

    @Test
    void anInterruptedCallIsNotAbandonedAndAsksForACallBackUntilSomeoneAnswers() {
        Ticket t = ticket(TicketStatus.ACCEPTED, RequestKind.UNKNOWN).toBuilder().owner(null).build();
        TicketLifecycle.Applied interrupted = lifecycle.onCallOutcome(t,
                new CallOutcome.Interrupted("the FastAGI connection closed without a hangup"), NOW);
        assertThat(interrupted.action()).isEqualTo("call-interrupted");
        assertThat(interrupted.data()).containsEntry("reason", "the FastAGI connection closed without a hangup");
        assertThat(interrupted.after().status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(interrupted.after().callDisposition()).isEqualTo(CallDisposition.INTERRUPTED);
        assertThat(interrupted.after().callbackRequested()).isTrue();

        // the dialplan's fallback reached a person: the call-back the interruption asked for is not needed
        Ticket answered = lifecycle.onCallOutcome(interrupted.after(), new CallOutcome.Answered("wang"), NOW).after();
        assertThat(answered.callDisposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(answered.callbackRequested()).isFalse();
        assertThat(answered.owner()).isEqualTo("wang");
        // also when the fallback queued the call first
        Ticket queued = lifecycle.onCallOutcome(interrupted.after(), new CallOutcome.Queued("hotline-complaints"), NOW).after();
        assertThat(queued.callbackRequested()).isTrue();
        assertThat(lifecycle.onCallOutcome(queued, new CallOutcome.Answered("alice"), NOW).after().callbackRequested()).isFalse();
        // the flow's own report of the interruption arriving after the answer changes nothing
        assertThat(lifecycle.onCallOutcome(answered, new CallOutcome.Interrupted("late"), NOW).after()).isEqualTo(answered);

        // or it reached the voicemail box: the message's file and how it was kept are in the history
        TicketLifecycle.Applied message = lifecycle.onCallOutcome(interrupted.after(), new CallOutcome.Voicemail(
                "/var/spool/asterisk/voicemail/hotline/complaints/INBOX/msg0000",
                CallOutcome.Voicemail.KEPT_IN_VOICEMAIL_BOX), NOW);
        assertThat(message.after().status()).isEqualTo(TicketStatus.MISSED);
        assertThat(message.after().callbackRequested()).isTrue();
        assertThat(message.data()).containsEntry("kept", "voicemail-box")
                .containsEntry("voicemail", "/var/spool/asterisk/voicemail/hotline/complaints/INBOX/msg0000");
    }

    @Test
    void theUnknownKindIsNoMenuChoice() {
        assertThat(RequestKind.fromDigit('\0')).isEmpty();
        assertThat(RequestKind.parse("unknown")).isEqualTo(RequestKind.UNKNOWN);
        assertThat(RequestKind.UNKNOWN.configName()).isEqualTo("unknown");
    }

    @Test
    void choosingReportMakesTheTicketConfidentialAndKindSetsDefaultUrgency() {
        Ticket t = ticket(TicketStatus.ACCEPTED, null);
        Ticket report = IntakeUpdate.none().withKind(RequestKind.REPORT).applyTo(t);
        assertThat(report.confidential()).isTrue();
        assertThat(report.visibleTo(BOB)).isFalse();
        assertThat(report.visibleTo(ALICE)).isTrue();
        assertThat(report.visibleTo(SUP)).as("a supervisor is no tip-off handler").isFalse();
        assertThat(report.visibleTo(TIP)).isTrue();
        assertThat(report.visibleTo(new Actor("root", Role.ADMIN))).isTrue();
        Ticket urgent = IntakeUpdate.none().withKind(RequestKind.URGENT).applyTo(t);
        assertThat(urgent.urgency()).isEqualTo(Urgency.EMERGENCY);
    }

    @Test
    void kindsParseFromDigitsAndNames() {
        assertThat(RequestKind.fromDigit('5')).contains(RequestKind.REPAIR);
        assertThat(RequestKind.fromDigit('9')).isEmpty();
        assertThat(RequestKind.parse("complaint")).isEqualTo(RequestKind.COMPLAINT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RequestKind.parse("moan"))
                .hasMessageContaining("expected one of complaint, inquiry");
    }

    @Test
    void anExplanationIsKeptOnTheTicketAndInTheHistoryAndANewRoundClearsIt() {
        Ticket t = ticket(TicketStatus.CALLBACK, RequestKind.COMPLAINT).toBuilder().dispatchCount(1)
                .classification(Classification.TO_BE_IMPROVED).lastCallback(CallbackResult.UNSATISFIED).build();
        TicketLifecycle.Applied a = (TicketLifecycle.Applied) lifecycle.decide(t, ALICE,
                new TicketAction.RecordExplanation("  the pipe is the utility's; they repair it in May ", true), NOW);
        assertThat(a.after().explanation()).isEqualTo("the pipe is the utility's; they repair it in May");
        assertThat(a.after().explanationAccepted()).isTrue();
        assertThat(a.note()).isEqualTo("the pipe is the utility's; they repair it in May");
        assertThat(a.data()).containsEntry("accepted", "true");
        TicketLifecycle.Applied closed = (TicketLifecycle.Applied) lifecycle.decide(a.after(), ALICE,
                new TicketAction.Close("accepted"), NOW);
        assertThat(closed.data()).containsEntry("closedAs", "TO_BE_IMPROVED");
        Ticket again = applied(a.after().toBuilder().explanationAccepted(false).build(), ALICE,
                new TicketAction.Redispatch("not accepted", null));
        assertThat(again.explanation()).isNull();
        assertThat(again.explanationAccepted()).isFalse();
    }

    @Test
    void theDutyManagerToldIsNamedOnTheTicket() {
        Ticket missed = ticket(TicketStatus.MISSED, RequestKind.COMPLAINT).toBuilder().owner(null).build();
        TicketLifecycle.Applied a = (TicketLifecycle.Applied) lifecycle.decide(missed, IVR,
                new TicketAction.DutyTold("duty-b", "email, webhook"), NOW);
        assertThat(a.after().dutyTold()).isEqualTo("duty-b");
        assertThat(a.data()).containsEntry("person", "duty-b").containsEntry("how", "email, webhook");
    }

    @Test
    void everyActionTypeHasATransitionRow() {
        for (Class<?> c : TicketAction.class.getPermittedSubclasses()) {
            assertThat(TicketLifecycle.TRANSITIONS).anyMatch(r -> r.action() == c);
        }
    }

    private Ticket applied(Ticket t, Actor a, TicketAction x) {
        TicketLifecycle.Decision d = lifecycle.decide(t, a, x, NOW);
        assertThat(d).isInstanceOf(TicketLifecycle.Applied.class);
        return ((TicketLifecycle.Applied) d).after();
    }
}
