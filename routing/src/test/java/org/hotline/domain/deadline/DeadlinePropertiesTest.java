package org.hotline.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hotline.domain.calendar.Period;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DueRule;
import org.hotline.domain.testing.HotlineConfigBuilder;

/**
 * Properties of the deadline arithmetic, over the example calendar (holidays, make-up days,
 * a half day, a closure) in three zones: Asia/Shanghai (no DST), Europe/Berlin and
 * America/New_York (whose DST nights fall inside the generated starts).
 */
class DeadlinePropertiesTest {
    private static final List<String> ZONES = List.of("Asia/Shanghai", "Europe/Berlin", "America/New_York");
    private static final Instant FROM = Instant.parse("2025-12-20T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-10T00:00:00Z");

    private static WorkingCalendar calendar(String zone) {
        ZoneId z = ZoneId.of(zone);
        return new WorkingCalendar(HotlineConfigBuilder.example().zone(zone)
                .closure("2026-03-29T01:00", "2026-03-29T02:30", "night maintenance").calendar(), z);
    }

    private static final List<WorkingCalendar> CALENDARS = ZONES.stream().map(DeadlinePropertiesTest::calendar).toList();

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<DueRule> workingRules() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 30).map(DueRule.WorkingDays::new),
                Arbitraries.integers().between(1, 60 * 60).map(m -> new DueRule.WorkingHours(Duration.ofMinutes(m))),
                Arbitraries.just(new DueRule.SameWorkingDay()),
                Arbitraries.just(new DueRule.EndOfNextWorkingDay()));
    }

    @Provide
    Arbitrary<Instant[]> orderedStarts() {
        return Combinators.combine(starts(), Arbitraries.longs().between(0, 10 * 24 * 3600))
                .as((a, gap) -> new Instant[] {a, a.plusSeconds(gap)});
    }

    @Property(tries = 400)
    void monotonicInTheStart(@ForAll("calendars") WorkingCalendar calendar, @ForAll("orderedStarts") Instant[] starts,
            @ForAll("workingRules") DueRule rule) {
        DeadlineCalculator calc = new DeadlineCalculator(calendar);
        assertThat(calc.due(starts[0], rule)).isBeforeOrEqualTo(calc.due(starts[1], rule));
    }

    @Property(tries = 400)
    void calendarDaysAreMonotonicWhereNoHourRepeats(@ForAll("orderedStarts") Instant[] starts,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        DeadlineCalculator calc = new DeadlineCalculator(CALENDARS.get(0));
        DueRule rule = new DueRule.CalendarDays(days);
        assertThat(calc.due(starts[0], rule)).isBeforeOrEqualTo(calc.due(starts[1], rule));
    }

    @Property(tries = 400)
    void neverLandsInClosedTime(@ForAll("calendars") WorkingCalendar calendar, @ForAll("starts") Instant start,
            @ForAll("workingRules") DueRule rule) {
        Instant due = new DeadlineCalculator(calendar).due(start, rule);
        assertThat(due).isAfter(start);
        // The due instant ends a stretch of working time: the moment just before it is office time.
        assertThat(calendar.isWorkingTime(due.minusNanos(1))).isTrue();
        assertThat(calendar.periodAt(due.minusNanos(1))).isEqualTo(Period.OFFICE);
    }

    @Property(tries = 400)
    void addingNThenMWorkingDaysEqualsAddingNPlusM(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("starts") Instant start, @ForAll @IntRange(min = 1, max = 20) int halfDaysN,
            @ForAll @IntRange(min = 1, max = 20) int halfDaysM) {
        DeadlineCalculator calc = new DeadlineCalculator(calendar);
        Instant stepwise = calc.due(calc.due(start, new DueRule.WorkingDays(halfDaysN)), new DueRule.WorkingDays(halfDaysM));
        assertThat(stepwise).isEqualTo(calc.due(start, new DueRule.WorkingDays(halfDaysN + halfDaysM)));
    }

    @Property(tries = 400)
    void addingNThenMWorkingHoursEqualsAddingNPlusM(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("starts") Instant start, @ForAll @IntRange(min = 1, max = 3000) int minutesN,
            @ForAll @IntRange(min = 1, max = 3000) int minutesM) {
        DeadlineCalculator calc = new DeadlineCalculator(calendar);
        Instant stepwise = calc.due(calc.due(start, hours(minutesN)), hours(minutesM));
        assertThat(stepwise).isEqualTo(calc.due(start, hours(minutesN + minutesM)));
    }

    @Property(tries = 200)
    void oneWorkingDayIsTwoHalfDaysAndAStandardDayOfHours(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("starts") Instant start) {
        DeadlineCalculator calc = new DeadlineCalculator(calendar);
        Instant oneDay = calc.due(start, new DueRule.WorkingDays(2));
        assertThat(calc.due(calc.due(start, new DueRule.WorkingDays(1)), new DueRule.WorkingDays(1))).isEqualTo(oneDay);
        assertThat(calc.due(start, new DueRule.WorkingHours(calendar.standardDayLength()))).isEqualTo(oneDay);
    }

    private static DueRule hours(int minutes) {
        return new DueRule.WorkingHours(Duration.ofMinutes(minutes));
    }
}
