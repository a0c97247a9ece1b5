package org.hotline.domain.survey;

import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.testing.InMemoryTickets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.TimeRange;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;

/**
 * No satisfaction call-back attempt is ever placed outside the calling window or on a day that
 * is not a working day (a holiday, a weekend, a closed day), over the example calendar
 * (holidays, make-up days, a half day) in zones with and without DST, for any resolution time,
 * policy and pace of the scheduler.
 */
class CallingWindowPropertiesTest {
    private static final Instant FROM = Instant.parse("2025-12-20T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-10T00:00:00Z");
    private static final List<WorkingCalendar> CALENDARS = List.of("Asia/Shanghai", "Europe/Berlin", "America/New_York")
            .stream().map(z -> new WorkingCalendar(HotlineConfigBuilder.example().zone(z).calendar(), ZoneId.of(z)))
            .toList();

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<TimeRange> windows() {
        return Arbitraries.integers().between(6 * 4, 12 * 4).flatMap(start -> Arbitraries.integers()
                .between(start + 1, 23 * 4).map(end -> new TimeRange(LocalTime.of(start / 4, start % 4 * 15),
                        LocalTime.of(end / 4, end % 4 * 15))));
    }

    private static boolean allowed(WorkingCalendar calendar, TimeRange window, Instant at) {
        var local = calendar.wallClock().localOf(at);
        return calendar.isWorkingDay(local.toLocalDate()) && !local.toLocalTime().isBefore(window.start())
                && local.toLocalTime().isBefore(window.end());
    }

    @Property(tries = 500)
    void theNextInstantInsideIsInsideAndNothingInsideIsSkipped(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("windows") TimeRange window, @ForAll("instants") Instant at) {
        CallingWindow w = new CallingWindow(calendar, window);
        Instant next = w.nextInside(at);
        assertThat(next).isAfterOrEqualTo(at);
        assertThat(allowed(calendar, window, next)).as("%s is inside %s on a working day", next, window).isTrue();
        // nothing between at and next was inside: sampled every 15 minutes
        for (Instant t = at; t.isBefore(next); t = t.plus(Duration.ofMinutes(15))) {
            assertThat(allowed(calendar, window, t)).as("%s skipped", t).isFalse();
        }
    }

    @Property(tries = 150)
    void noAttemptIsPlacedOutsideTheWindowOrOnAHoliday(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("windows") TimeRange window, @ForAll("instants") Instant resolvedAt,
            @ForAll @IntRange(min = 0, max = 48) int firstAfterHours, @ForAll @IntRange(min = 1, max = 180) int retryMinutes,
            @ForAll @IntRange(min = 1, max = 240) int paceMinutes) {
        MutableClock clock = new MutableClock(resolvedAt, java.time.ZoneOffset.UTC);
        InMemoryTickets tickets = new InMemoryTickets(clock);
        InMemorySurveyStore store = new InMemorySurveyStore();
        ScriptedDialer dialer = new ScriptedDialer(clock);
        SurveyPolicy policy = new SurveyPolicy(Duration.ofHours(firstAfterHours), window, 3,
                Duration.ofMinutes(retryMinutes), Duration.ofMinutes(retryMinutes * 2L), Duration.ofDays(30),
                Duration.ofSeconds(30));
        tickets.put(new Ticket.Builder().id(1).number("HL-2026-000001").line("complaints").kind(RequestKind.COMPLAINT)
                .status(TicketStatus.RESOLVED).owner("alice").dispatchCount(1).callbackNumber("13900000001")
                .createdAt(resolvedAt).updatedAt(resolvedAt).version(1).build(), resolvedAt);
        SurveyCallbacks callbacks = new SurveyCallbacks(tickets, store, dialer,
                new SurveyPolicies(true, policy, List.of()), calendar, "prop", clock);
        for (int i = 0; i < 20_000 && store.failed(1).isEmpty(); i++) {
            callbacks.scan();
            clock.advance(Duration.ofMinutes(paceMinutes));
            // skip idle days, still arriving a pace before the attempt is due
            store.find(1, 1).filter(c -> c.state() == SurveyCall.State.SCHEDULED)
                    .map(c -> c.nextAt().minus(Duration.ofMinutes(paceMinutes)))
                    .filter(t -> t.isAfter(clock.instant().plus(Duration.ofHours(6)))).ifPresent(clock::set);
        }
        assertThat(dialer.calls).hasSize(3);
        for (ScriptedDialer.Dialled call : dialer.calls) {
            assertThat(allowed(calendar, window, call.at())).as("attempt at %s inside %s", call.at(), window).isTrue();
            assertThat(calendar.holidayOn(calendar.wallClock().dateOf(call.at())).isEmpty()
                    || calendar.isWorkingDay(calendar.wallClock().dateOf(call.at()))).isTrue();
        }
        for (int i = 1; i < dialer.calls.size(); i++) {
            assertThat(Duration.between(dialer.calls.get(i - 1).at(), dialer.calls.get(i).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(retryMinutes));
        }
    }
}
