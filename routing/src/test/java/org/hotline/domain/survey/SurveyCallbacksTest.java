package org.hotline.domain.survey;

import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.testing.InMemoryTickets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.TimeRange;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

class SurveyCallbacksTest {
    /** Monday 2 March 2026, 10:00 in Shanghai (the example's zone): a working day. */
    static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
    static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();
    static final WorkingCalendar CALENDAR = new WorkingCalendar(CONFIG.calendar(), CONFIG.zone());

    final MutableClock clock = new MutableClock(MONDAY_10, java.time.ZoneOffset.UTC);
    final InMemoryTickets tickets = new InMemoryTickets(clock);
    final InMemorySurveyStore store = new InMemorySurveyStore();
    final ScriptedDialer dialer = new ScriptedDialer(clock);

    SurveyCallbacks callbacks(SurveyPolicy policy, SurveyPolicies.Override... overrides) {
        return new SurveyCallbacks(tickets, store, dialer, new SurveyPolicies(true, policy, List.of(overrides)), CALENDAR,
                "test", clock);
    }

    Ticket resolved(long id, String number, Instant at) {
        return tickets.put(new Ticket.Builder().id(id).number("HL-2026-" + String.format("%06d", id)).line("complaints")
                .kind(RequestKind.COMPLAINT).status(TicketStatus.RESOLVED).owner("alice").department("eng")
                .dispatchCount(1).callerNumber(number).callbackNumber(number).createdAt(at).updatedAt(at).version(1)
                .build(), at);
    }

    @Test
    void theFirstAttemptComesFourWorkingHoursAfterResolutionInsideTheWindow() {
        // resolved Monday 16:00 Shanghai; 4 working hours on the example's 08:30-12:00/13:30-17:30 days
        Instant resolvedAt = Instant.parse("2026-03-02T08:00:00Z");
        clock.set(resolvedAt);
        resolved(1, "13900000001", resolvedAt);
        SurveyCallbacks.Scan scan = callbacks(SurveyPolicy.defaults()).scan();

        Instant expected = CALENDAR.plusWorkingTime(resolvedAt, Duration.ofHours(4));
        assertThat(scan.scheduled()).singleElement().satisfies(c -> {
            assertThat(c.nextAt()).isEqualTo(expected);
            assertThat(new CallingWindow(CALENDAR, new TimeRange(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(20, 0))).contains(c.nextAt())).isTrue();
        });
        assertThat(scan.placed()).isEmpty();
        clock.set(expected);
        assertThat(callbacks(SurveyPolicy.defaults()).scan().placed()).hasSize(1);
        assertThat(dialer.calls).singleElement().satisfies(d -> {
            assertThat(d.number()).isEqualTo("13900000001");
            assertThat(d.attemptId()).isEqualTo("1-1-1");
        });
    }

    @Test
    void threeUnansweredAttemptsPutTheTicketOnTheFailedListAndAnAgentsResultIsRecorded() {
        resolved(1, "13900000001", MONDAY_10);
        SurveyPolicy policy = SurveyPolicy.defaults();
        SurveyPolicy now = new SurveyPolicy(Duration.ZERO, policy.window(), 3, Duration.ofMinutes(30),
                Duration.ofMinutes(60), policy.onceEvery(), policy.ring());
        SurveyCallbacks callbacks = callbacks(now);
        Instant last = null;
        for (int i = 0; i < 40 && store.failed(10).isEmpty(); i++) {
            callbacks.scan();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(dialer.calls).hasSize(3);
        for (int i = 1; i < 3; i++) {
            Duration gap = Duration.between(dialer.calls.get(i - 1).at(), dialer.calls.get(i).at());
            assertThat(gap).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(70));
        }
        assertThat(store.failed(10)).singleElement().satisfies(c -> assertThat(c.note()).contains("not reached after 3"));
        assertThat(tickets.history(1)).filteredOn(e -> "survey-attempt".equals(e.action()))
                .extracting(e -> e.data().get("outcome"))
                .containsExactly("scheduled", "placed", "no-answer", "placed", "no-answer", "placed", "failed");

        Ticket after = callbacks.recordByHand(1, new Actor("alice", Role.AGENT), 2, "still leaking");
        assertThat(after.status()).as("1-2 re-dispatches, by hand too").isEqualTo(TicketStatus.DISPATCHED);
        assertThat(after.dispatchCount()).isEqualTo(2);
        assertThat(store.failed(10)).isEmpty();
        assertThatThrownBy(() -> callbacks.recordByHand(1, new Actor("alice", Role.AGENT), 5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on the call-back-failed list");
    }

    @Test
    void scoresSatisfyRedispatchOrAreLeftToTheOwner() {
        SurveyPolicy now = new SurveyPolicy(Duration.ZERO, SurveyPolicy.defaults().window(), 3, Duration.ofMinutes(30),
                Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofSeconds(30));
        SurveyCallbacks callbacks = callbacks(now);
        dialer.outcome = new SurveyDialer.Outcome(SurveyDialer.Result.ANSWERED, "answered");
        resolved(1, "13900000001", MONDAY_10);
        resolved(2, "13900000002", MONDAY_10);
        resolved(3, "13900000003", MONDAY_10);
        assertThat(callbacks.scan().placed()).hasSize(3);

        assertThat(callbacks.scored("1-1-1", 5)).startsWith("satisfied");
        assertThat(callbacks.scored("2-1-1", 1)).startsWith("not satisfied, re-dispatched");
        assertThat(callbacks.scored("3-1-1", 3)).startsWith("not satisfied, left to the owner");
        assertThat(tickets.find(1).orElseThrow().lastCallback()).isEqualTo(CallbackResult.SATISFIED);
        assertThat(tickets.find(2).orElseThrow().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(tickets.find(3).orElseThrow().lastCallback()).isEqualTo(CallbackResult.UNSATISFIED);
        assertThat(tickets.find(3).orElseThrow().status()).isEqualTo(TicketStatus.CALLBACK);
        assertThatThrownBy(() -> callbacks.scored("1-1-1", 4)).as("an attempt is booked once")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> callbacks.scored("1-x", 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<ticket>-<round>-<attempt>");
    }

    @Test
    void aCommentAfterTheScoreIsNamedInTheHistoryOfAnAnsweredAttemptOnly() {
        SurveyPolicy now = new SurveyPolicy(Duration.ZERO, SurveyPolicy.defaults().window(), 3, Duration.ofMinutes(30),
                Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofSeconds(30));
        SurveyCallbacks callbacks = callbacks(now);
        dialer.outcome = new SurveyDialer.Outcome(SurveyDialer.Result.ANSWERED, "answered");
        resolved(6, "13900000006", MONDAY_10);
        assertThat(callbacks.scan().placed()).hasSize(1);
        assertThatThrownBy(() -> callbacks.commented("6-1-1", "hotline/messages/x.wav", null))
                .as("not answered yet").isInstanceOf(IllegalArgumentException.class);
        callbacks.scored("6-1-1", 4);
        callbacks.commented("6-1-1", "hotline/messages/HL-2026-000006-survey-6-1-1.wav", null);
        assertThat(tickets.history(6)).filteredOn(e -> "survey-comment".equals(e.action())).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(SurveyCallbacks.ACTOR.id());
                    assertThat(e.data()).containsEntry("recording", "hotline/messages/HL-2026-000006-survey-6-1-1.wav")
                            .containsEntry("attempt", "6-1-1");
                });
        assertThatThrownBy(() -> callbacks.commented("6-1-2", "x.wav", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLowScoreOnAComplaintThatClosesOnItsExplanationIsLeftToTheOwner() {
        SurveyPolicy now = new SurveyPolicy(Duration.ZERO, SurveyPolicy.defaults().window(), 3, Duration.ofMinutes(30),
                Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofSeconds(30));
        SurveyCallbacks callbacks = callbacks(now);
        dialer.outcome = new SurveyDialer.Outcome(SurveyDialer.Result.ANSWERED, "answered");
        Ticket explained = resolved(4, "13900000004", MONDAY_10);
        tickets.put(explained.toBuilder().classification(org.hotline.domain.ticket.Classification.INVALID)
                .explanation("the fee is set by the city, not by us").build(), MONDAY_10);
        Ticket unexplained = resolved(5, "13900000005", MONDAY_10);
        tickets.put(unexplained.toBuilder().classification(org.hotline.domain.ticket.Classification.INVALID).build(),
                MONDAY_10);
        assertThat(callbacks.scan().placed()).hasSize(2);

        assertThat(callbacks.scored("4-1-1", 1)).startsWith("not satisfied, left to the owner");
        assertThat(tickets.find(4).orElseThrow().status()).as("explained: the owner may close it")
                .isEqualTo(TicketStatus.CALLBACK);
        assertThat(callbacks.scored("5-1-1", 1)).startsWith("not satisfied, re-dispatched");
        assertThat(tickets.find(5).orElseThrow().status()).isEqualTo(TicketStatus.DISPATCHED);
    }

    @Test
    void theThirdDispatchEscalates() {
        SurveyPolicy now = new SurveyPolicy(Duration.ZERO, SurveyPolicy.defaults().window(), 3, Duration.ofMinutes(30),
                Duration.ofMinutes(60), Duration.ZERO, Duration.ofSeconds(30));
        dialer.outcome = new SurveyDialer.Outcome(SurveyDialer.Result.ANSWERED, "answered");
        tickets.put(new Ticket.Builder().id(7).number("HL-2026-000007").line("complaints").kind(RequestKind.COMPLAINT)
                .status(TicketStatus.RESOLVED).owner("alice").department("eng").dispatchCount(2)
                .callbackNumber("13900000007").createdAt(MONDAY_10).updatedAt(MONDAY_10).version(1).build(), MONDAY_10);
        SurveyCallbacks callbacks = callbacks(now);
        callbacks.scan();
        callbacks.scored("7-2-1", 2);
        Ticket t = tickets.find(7).orElseThrow();
        assertThat(t.dispatchCount()).isEqualTo(3);
        assertThat(t.escalated()).isTrue();
    }

    @Test
    void aCallerSurveyedRecentlyOrANumberThatIsNotDigitsGoesToTheFailedListWithTheReason() {
        SurveyPolicy now = new SurveyPolicy(Duration.ZERO, SurveyPolicy.defaults().window(), 3, Duration.ofMinutes(30),
                Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofSeconds(30));
        SurveyCallbacks callbacks = callbacks(now);
        dialer.outcome = new SurveyDialer.Outcome(SurveyDialer.Result.ANSWERED, "answered");
        resolved(1, "13900000001", MONDAY_10);
        callbacks.scan();
        callbacks.scored("1-1-1", 5);

        clock.advance(Duration.ofDays(3));
        resolved(2, "13900000001", clock.instant());
        resolved(3, "0139-000;Dial(x)", clock.instant());
        callbacks.scan();
        assertThat(dialer.calls).hasSize(1);
        assertThat(store.failed(10)).extracting(SurveyCall::ticketId, c -> c.note().substring(0, 20))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(2L, "the caller answered "),
                        org.assertj.core.groups.Tuple.tuple(3L, "the callback number "));
    }

    @Test
    void aTicketCalledBackByHandBeforeTheSurveyIsNotCalledAgain() {
        resolved(1, "13900000001", MONDAY_10);
        SurveyCallbacks callbacks = callbacks(SurveyPolicy.defaults());
        callbacks.scan();
        Ticket t = tickets.find(1).orElseThrow();
        tickets.apply(1, t.version(), new Actor("alice", Role.AGENT), new org.hotline.domain.ticket.TicketAction
                .RecordCallback(CallbackResult.SATISFIED, "called her myself"));
        clock.advance(Duration.ofDays(2));
        callbacks.scan();
        assertThat(dialer.calls).isEmpty();
        assertThat(store.find(1, 1).orElseThrow().state()).isEqualTo(SurveyCall.State.CANCELLED);
    }

    @Test
    void overridesPerLineAndKindChooseTheMostSpecific() {
        SurveyPolicy base = SurveyPolicy.defaults();
        SurveyPolicy repair = new SurveyPolicy(Duration.ofHours(24), base.window(), 2, base.retryAfter(),
                base.retryWithin(), base.onceEvery(), base.ring());
        SurveyPolicy complaintsRepair = new SurveyPolicy(Duration.ofHours(1), base.window(), 1, base.retryAfter(),
                base.retryWithin(), base.onceEvery(), base.ring());
        SurveyPolicies p = new SurveyPolicies(true, base, List.of(
                new SurveyPolicies.Override(null, RequestKind.REPAIR, repair),
                new SurveyPolicies.Override("complaints", RequestKind.REPAIR, complaintsRepair)));
        assertThat(p.policyFor("complaints", RequestKind.REPAIR)).isEqualTo(complaintsRepair);
        assertThat(p.policyFor("service", RequestKind.REPAIR)).isEqualTo(repair);
        assertThat(p.policyFor("complaints", RequestKind.COMPLAINT)).isEqualTo(base);
        assertThat(p.policyFor("complaints", null)).isEqualTo(base);
    }

}
