package org.hotline.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.deadline.DeadlineCalculator;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.testing.InMemoryTicketFacts;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketLifecycle;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KPIs of a fixture month, March 2026 in Europe/Berlin, against answers worked out by hand
 * (in the comments). The month has a public holiday (Tuesday 10th), a make-up working day
 * (Saturday 14th) and the spring DST change (Sunday 29th, 02:00 becomes 03:00). Office hours
 * 08:30-12:00 and 13:30-17:30 (a standard day of 7h30); complaints must be dispatched within
 * 0.5 working days and resolved within 2; an inquiry answered the same working day. Facts are
 * built by the real fold ({@link TicketFacts#next}) from the lifecycle's own call outcomes and
 * the deadlines of the real calculator on that calendar.
 */
class KpiFixtureMonthTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.empty(BERLIN)
            .weekdays("08:30-12:00", "13:30-17:30")
            .holiday("2026-03-10", "a holiday")
            .makeUpDay("2026-03-14", "make-up Saturday")
            .calendar(), BERLIN);
    private final DeadlineCalculator calculator = new DeadlineCalculator(calendar);
    private final DeadlinePolicy complaint = new DeadlinePolicy("complaint",
            List.of(DeadlineStep.of("dispatch", "0.5 working days"), DeadlineStep.of("resolve", "2 working days")));
    private final DeadlinePolicy inquiry = new DeadlinePolicy("inquiry",
            List.of(DeadlineStep.of("answer", "same working day")));
    private final TicketLifecycle lifecycle = new TicketLifecycle();
    private final InMemoryTicketFacts store = new InMemoryTicketFacts();
    private KpiReport report;

    @BeforeEach
    void month() {
        // 1. Monday 2nd 09:00, complaint: queued 09:00:20, agent lin answers 09:00:30 (10 s).
        //    dispatch due 09:00 + 3h45 working = 14:15 (met 10:00, on time); resolve due Wed 4th 09:00
        //    (met Tue 3rd 16:00, on time); called back, satisfied.
        call(1, "complaints", "13900000001", "2026-03-02T09:00:00")
                .outcome("2026-03-02T09:00:20", new CallOutcome.Queued("complaints"))
                .outcome("2026-03-02T09:00:30", new CallOutcome.Answered("lin"))
                .kind(RequestKind.COMPLAINT, complaint, "1201")
                .dispatch("2026-03-02T10:00:00", "engineering")
                .status("2026-03-03T16:00:00", "resolve", TicketStatus.RESOLVED)
                .callback("2026-03-03T17:00:00", CallbackResult.SATISFIED)
                .store(false);
        // 2. Tuesday 10th (holiday) 10:00, complaint from the same caller about the same place (a repeat):
        //    forwarded to A wang 10:00:30, then B zhao 10:00:50, B answers 10:01:00 (30 s after the first ring).
        //    Counting starts Wed 11th 08:30: dispatch due 13:45 (08:30-12:00 is 3h30, +15 min after lunch),
        //    met Wed 13:00, on time; without the holiday it would have been due Tue 13:45 and late.
        //    resolve due Thu 12th 17:30, met Fri 13th 10:00: late. Called back dissatisfied, re-dispatched.
        call(2, "complaints", "13900000001", "2026-03-10T10:00:00")
                .outcome("2026-03-10T10:00:30", new CallOutcome.Forwarded("wang", "13800000001"))
                .outcome("2026-03-10T10:00:50", new CallOutcome.Forwarded("zhao", "13800000002"))
                .outcome("2026-03-10T10:01:00", new CallOutcome.Answered("zhao"))
                .kind(RequestKind.COMPLAINT, complaint, "1201")
                .dispatch("2026-03-11T13:00:00", "engineering")
                .status("2026-03-13T10:00:00", "resolve", TicketStatus.RESOLVED)
                .callback("2026-03-16T09:00:00", CallbackResult.UNSATISFIED)
                .dispatch("2026-03-16T09:30:00", "engineering")
                .store(true);
        // 3. Friday 13th 16:00, inquiry on the service line: queued 16:00:05, the caller hangs up at 16:01
        //    (abandoned in the queue). answer due Fri 17:30, never met: decided and late by the end of the month.
        call(3, "service", "13900000003", "2026-03-13T16:00:00")
                .kind(RequestKind.INQUIRY, inquiry, null)
                .outcome("2026-03-13T16:00:05", new CallOutcome.Queued("service"))
                .outcome("2026-03-13T16:01:00", new CallOutcome.Abandoned())
                .store(false);
        // 4. Saturday 14th (make-up day) 11:00, complaint: queued 11:00:02, lin answers 11:00:14 (12 s).
        //    The make-up day is working time: dispatch due Sat 11:00 + 1h + 2h45 = 16:15, met Mon 16th 09:00: late
        //    (were Saturday not a working day it would be due Mon 11:15, on time). resolve due Tue 17th 11:00,
        //    met Tue 10:00: on time. The call-back reached nobody.
        call(4, "complaints", "13900000004", "2026-03-14T11:00:00")
                .outcome("2026-03-14T11:00:02", new CallOutcome.Queued("complaints"))
                .outcome("2026-03-14T11:00:14", new CallOutcome.Answered("lin"))
                .kind(RequestKind.COMPLAINT, complaint, "0307")
                .dispatch("2026-03-16T09:00:00", "cleaning")
                .status("2026-03-17T10:00:00", "resolve", TicketStatus.RESOLVED)
                .callback("2026-03-17T15:00:00", CallbackResult.NO_ANSWER)
                .store(false);
        // 5. Sunday 29th, 01:59:50 CET, a tip-off (confidential, no deadline policy): forwarded to A wang at
        //    01:59:55, wang answers at 03:00:05 CEST, which is 10 s later (the clocks jumped an hour).
        call(5, "complaints", "13900000005", "2026-03-29T01:59:50")
                .outcome("2026-03-29T01:59:55", new CallOutcome.Forwarded("wang", "13800000001"))
                .outcome("2026-03-29T03:00:05", new CallOutcome.Answered("wang"))
                .confidential(RequestKind.REPORT)
                .store(false);
        // 6. Sunday 29th 00:30 CET (23:30 UTC on the 28th): the caller hangs up in the menu. Local day: the 29th.
        call(6, "complaints", "13900000006", "2026-03-29T00:30:00")
                .outcome("2026-03-29T00:30:20", new CallOutcome.Abandoned())
                .store(false);
        // 7. Tuesday 31st 23:59:59 CEST: the service was down; the dialplan's fallback reached an agent's phone.
        call(7, "complaints", "13900000007", "2026-03-31T23:59:59")
                .outcome("2026-04-01T00:05:00", new CallOutcome.Missed("PJSIP/1001", "lin", null))
                .store(false);
        // outside the month: the last second of February and the first of April
        call(8, "complaints", "13900000008", "2026-02-28T23:59:59").store(false);
        call(9, "complaints", "13900000009", "2026-04-01T00:00:00").store(false);

        Clock clock = Clock.fixed(local("2026-04-01T10:00:00"), BERLIN);
        report = new KpiReports(store.asteriskCalls(7), calendar, StepRule.DEFAULTS, clock)
                .report(KpiQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
    }

    @Test
    void callsOfferedAnsweredServiceLevelAndSpeedOfAnswer() {
        Kpis k = report.total();
        assertThat(k.offered()).isEqualTo(7);                          // calls 1-7
        assertThat(k.answered()).isEqualTo(5);                         // 1, 2, 4, 5, 7
        assertThat(k.answerRate()).isCloseTo(5.0 / 7, within(1e-9));
        assertThat(k.putThrough()).isEqualTo(5);                       // 1-5 rang a person
        assertThat(k.answeredWithin15s()).isEqualTo(3);                // 1 (10 s), 4 (12 s), 5 (10 s across DST)
        assertThat(k.serviceLevel()).isCloseTo(0.6, within(1e-9));
        assertThat(k.averageSpeedOfAnswerSeconds()).isCloseTo((10 + 30 + 12 + 10) / 4.0, within(1e-9)); // 7 unknown
        assertThat(k.abandonedInIvr()).isEqualTo(1);                   // 6
        assertThat(k.abandonedInQueue()).isEqualTo(1);                 // 3
        assertThat(k.missed()).isEqualTo(1);                           // 7
        assertThat(report.asteriskCallRecords()).hasValue(7);
    }

    @Test
    void forwardedToDutyAndAnsweredByAOrB() {
        Kpis k = report.total();
        assertThat(k.forwardedToDuty()).isEqualTo(2);                  // 2, 5
        assertThat(k.answeredByDutyA()).isEqualTo(1);                  // 5
        assertThat(k.answeredByDutyB()).isEqualTo(1);                  // 2
        assertThat(k.answeredByNobody()).isZero();
    }

    @Test
    void deadlinesOnTheWorkingCalendarWithItsHolidayAndMakeUpDay() {
        Kpis k = report.total();
        // steps decided: 1 dispatch+resolve, 2 dispatch+resolve, 3 answer, 4 dispatch+resolve = 7;
        // on time: 1 both, 2 dispatch (thanks to the holiday), 4 resolve = 4
        assertThat(k.stepsDecided()).isEqualTo(7);
        assertThat(k.stepsOnTime()).isEqualTo(4);
        assertThat(k.timelyHandlingRate()).isCloseTo(4.0 / 7, within(1e-9));
        // tickets with a decided step: 1, 2, 3, 4; late: 2 (resolve), 3 (answer), 4 (dispatch: the make-up day counted)
        assertThat(k.ticketsDecided()).isEqualTo(4);
        assertThat(k.ticketsLate()).isEqualTo(3);
        assertThat(k.delayRate()).isCloseTo(0.75, within(1e-9));
        // working days: 22 weekdays, minus the holiday, plus the make-up Saturday
        assertThat(report.workingDays()).isEqualTo(22);
        assertThat(day(10).workingDay()).isFalse();
        assertThat(day(14).workingDay()).isTrue();
        assertThat(day(29).workingDay()).isFalse();
    }

    @Test
    void redispatchRepeatCallbackAndSatisfaction() {
        Kpis k = report.total();
        assertThat(k.dispatched()).isEqualTo(3);                       // 1, 2, 4
        assertThat(k.redispatched()).isEqualTo(1);                     // 2
        assertThat(k.redispatchRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(k.complaints()).isEqualTo(3);
        assertThat(k.repeatComplaints()).isEqualTo(1);                 // 2
        assertThat(k.repeatComplaintRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(k.callbacksRequired()).isEqualTo(3);                // resolved: 1, 2, 4
        assertThat(k.callbacksAttempted()).isEqualTo(3);
        assertThat(k.callbackAttemptRate()).isEqualTo(1.0);
        assertThat(k.callbacksReached()).isEqualTo(2);                 // 1, 2 (4: no answer)
        assertThat(k.callbackReachRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(k.satisfied()).isEqualTo(1);
        assertThat(k.satisfactionRate()).isCloseTo(0.5, within(1e-9));
        assertThat(report.dissatisfied()).containsExactly(2L);
    }

    @Test
    void daysAreLocalDatesAcrossTheDstChange() {
        assertThat(report.days()).hasSize(31);
        assertThat(day(29).kpis().offered()).isEqualTo(2);            // 5 and 6 (6 is the 28th in UTC)
        assertThat(day(28).kpis().offered()).isZero();
        assertThat(day(31).kpis().offered()).isEqualTo(1);            // 7, one second before midnight
        assertThat(day(29).kpis().serviceLevel()).isEqualTo(1.0);     // 5 rang and was answered in 10 s
        assertThat(day(1).kpis().serviceLevel()).isNull();            // nothing rang: no rate, not 0
        assertThat(report.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(report.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void breakdownsByLineKindDepartmentAndAgent() {
        assertThat(report.byLine().get("complaints").offered()).isEqualTo(6);
        assertThat(report.byLine().get("service").abandonedInQueue()).isEqualTo(1);
        assertThat(report.byKind().get("complaint").tickets()).isEqualTo(3);
        assertThat(report.byKind().get("unknown").tickets()).isEqualTo(2);   // 6, 7
        assertThat(report.byDepartment().get("engineering").dispatched()).isEqualTo(2);
        assertThat(report.byAgent().get("lin").answered()).isEqualTo(2);     // 1, 4 (7 was the fallback)
        assertThat(report.byAgent().get("lin").averageSpeedOfAnswerSeconds()).isCloseTo(11.0, within(1e-9));
    }

    @Test
    void aFilterCountsOnlyItsSlice() {
        Clock clock = Clock.fixed(local("2026-04-01T10:00:00"), BERLIN);
        KpiReport complaints = new KpiReports(store, calendar, StepRule.DEFAULTS, clock).report(new KpiQuery(
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), java.util.Optional.empty(),
                java.util.Optional.of(RequestKind.COMPLAINT), java.util.Optional.empty()));
        assertThat(complaints.total().offered()).isEqualTo(3);
        assertThat(complaints.total().ticketsLate()).isEqualTo(2);     // 2, 4
    }

    private KpiReport.Day day(int dayOfMonth) {
        return report.days().stream().filter(d -> d.date().getDayOfMonth() == dayOfMonth
                && d.date().getMonthValue() == 3).findFirst().orElseThrow();
    }

    private static Instant local(String text) {
        return ZonedDateTime.of(LocalDateTime.parse(text), BERLIN).toInstant();
    }

    private Life call(long id, String line, String caller, String at) {
        return new Life(id, line, caller, local(at));
    }

    /** One ticket's life, folded into facts event by event. */
    private final class Life {
        private Ticket t;
        private TicketFacts f;

        Life(long id, String line, String caller, Instant at) {
            t = new Ticket.Builder().id(id).number("HL-2026-" + id).line(line).urgency(Urgency.NORMAL)
                    .status(TicketStatus.ACCEPTED).callerNumber(caller).linkedid("call-" + id)
                    .createdAt(at).updatedAt(at).build();
            f = TicketFacts.opened(t);
        }

        Life outcome(String at, CallOutcome outcome) {
            TicketLifecycle.Applied a = lifecycle.onCallOutcome(t, outcome, local(at));
            t = a.after();
            f = f.next(t, a.action(), a.data(), local(at));
            return this;
        }

        Life kind(RequestKind kind, DeadlinePolicy policy, String location) {
            Map<String, Instant> due = new LinkedHashMap<>();
            calculator.deadlines(t.createdAt(), policy).forEach(s -> due.put(s.step(), s.due()));
            return change(t.updatedAt(), "intake", Map.of(), b -> b.kind(kind).location(location).deadlines(due));
        }

        Life confidential(RequestKind kind) {
            return change(t.updatedAt(), "intake", Map.of(), b -> b.kind(kind).confidential(true));
        }

        Life dispatch(String at, String department) {
            int n = t.dispatchCount() + 1;
            return change(local(at), n == 1 ? new TicketAction.Dispatch(department, null).actionName()
                    : new TicketAction.Redispatch("again", department).actionName(), Map.of("department", department),
                    b -> b.department(department).dispatchCount(n).status(TicketStatus.DISPATCHED));
        }

        Life status(String at, String action, TicketStatus to) {
            return change(local(at), action, Map.of(), b -> b.status(to));
        }

        Life callback(String at, CallbackResult result) {
            return change(local(at), new TicketAction.RecordCallback(result, null).actionName(),
                    Map.of("result", result.name()), b -> b.lastCallback(result)
                            .status(result == CallbackResult.NO_ANSWER ? t.status() : TicketStatus.CALLBACK));
        }

        private Life change(Instant at, String action, Map<String, String> data, UnaryOperator<Ticket.Builder> how) {
            t = how.apply(t.toBuilder()).updatedAt(at).build();
            f = f.next(t, action, data, at);
            return this;
        }

        void store(boolean repeat) {
            store.put(f.withRepeat(repeat));
        }
    }
}
