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
                Arguments.of(cbUnsatisfiedInvalid, ALICE, new TicketAction.Close("explained"), TicketStatus.CLOSED, null),
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
                Arguments.of(confidential, SUP, new TicketAction.AddNote("x"), TicketStatus.ACCEPTED, null));
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
        assertThat(report.visibleTo(SUP)).isTrue();
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
