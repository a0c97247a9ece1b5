package org.hotline.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.hotline.domain.config.Holiday;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar EXAMPLE = new WorkingCalendar(HotlineConfigBuilder.example().calendar(), SHANGHAI);

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-02T00:00:00 | AFTER_HOURS | midnight starting a Monday
            2026-03-02T08:29:59 | AFTER_HOURS | a second before opening
            2026-03-02T08:30:00 | OFFICE      | opening
            2026-03-02T11:59:59 | OFFICE      | last second of the morning
            2026-03-02T12:00:00 | LUNCH       | lunch starts at exactly 12:00:00
            2026-03-02T13:29:59 | LUNCH       | last second of lunch
            2026-03-02T13:30:00 | OFFICE      | afternoon opens at exactly 13:30:00
            2026-03-02T17:29:59 | OFFICE      | last second of the day
            2026-03-02T17:30:00 | AFTER_HOURS | closing
            2026-03-02T23:59:59 | AFTER_HOURS | last second before midnight
            2026-03-06T23:59:59 | AFTER_HOURS | Friday night
            2026-03-07T00:00:00 | CLOSED      | Saturday midnight
            2026-03-07T10:00:00 | CLOSED      | Saturday
            2026-03-08T12:30:00 | CLOSED      | Sunday lunch time
            2026-09-30T17:29:00 | OFFICE      | last office minute before National Day
            2026-09-30T23:59:59 | AFTER_HOURS | last second before the holiday
            2026-10-01T00:00:00 | CLOSED      | the holiday's first second
            2026-10-07T10:00:00 | CLOSED      | last day of the holiday range
            2026-10-08T08:30:00 | OFFICE      | first working day after it
            2026-01-01T10:00:00 | CLOSED      | single-date holiday on a Thursday
            2026-02-14T08:29:59 | AFTER_HOURS | make-up Saturday before opening
            2026-02-14T10:00:00 | OFFICE      | make-up Saturday
            2026-02-14T12:00:00 | LUNCH       | make-up Saturday lunch
            2026-02-14T17:30:00 | AFTER_HOURS | make-up Saturday evening
            2026-09-27T09:00:00 | OFFICE      | make-up Sunday like Monday
            2026-10-10T16:00:00 | OFFICE      | make-up Saturday with explicit hours
            2026-12-31T11:59:59 | OFFICE      | half day morning
            2026-12-31T12:00:00 | AFTER_HOURS | half day: no lunch window, after hours
            2026-12-31T14:00:00 | AFTER_HOURS | half day afternoon
            2026-12-24T12:30:00 | LUNCH       | closure day lunch
            2026-12-24T13:59:59 | OFFICE      | a second before the closure
            2026-12-24T14:00:00 | CLOSED      | closure starts
            2026-12-24T17:29:59 | CLOSED      | closure's last second
            2026-12-24T17:30:00 | AFTER_HOURS | closure ended with the day
            """)
    void periodAt(String at, Period expected, String why) {
        assertThat(EXAMPLE.periodAt(local(at))).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} working day: {1}")
    @CsvSource({
        "2026-03-02,true", "2026-03-07,false", "2026-03-08,false", "2026-01-01,false", "2026-02-16,false",
        "2026-02-14,true", "2026-09-27,true", "2026-10-10,true", "2026-12-31,true", "2026-12-24,true",
        "2026-10-08,true", "2026-10-03,false"})
    void isWorkingDay(LocalDate date, boolean working) {
        assertThat(EXAMPLE.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "after {0} the office opens at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-06T18:00:00 | 2026-03-09T08:30 | Friday evening to Monday
            2026-03-02T08:30:00 | 2026-03-02T08:30 | at the opening itself
            2026-03-02T08:29:59 | 2026-03-02T08:30 | just before
            2026-03-02T10:00:00 | 2026-03-02T13:30 | in office hours: the next opening
            2026-03-02T12:00:00 | 2026-03-02T13:30 | at lunch
            2026-09-30T23:59:59 | 2026-10-08T08:30 | over National Day
            2026-02-13T18:00:00 | 2026-02-14T08:30 | to a make-up Saturday
            2026-12-24T14:00:00 | 2026-12-25T08:30 | from a closure
            2026-12-31T12:00:00 | 2027-01-04T08:30 | half day, holiday, weekend
            """)
    void nextOpening(String at, String expected, String why) {
        assertThat(EXAMPLE.nextOpening(local(at))).as(why).contains(local(expected + ":00"));
    }

    @Test
    void workingIntervalsCutClosuresAndStayInTheZone() {
        assertThat(EXAMPLE.workingIntervals(LocalDate.parse("2026-12-24"))).containsExactly(
                new Interval(local("2026-12-24T08:30:00"), local("2026-12-24T12:00:00")),
                new Interval(local("2026-12-24T13:30:00"), local("2026-12-24T14:00:00")));
        assertThat(EXAMPLE.workingIntervals(LocalDate.parse("2026-03-07"))).isEmpty();
        assertThat(EXAMPLE.lunchOn(LocalDate.parse("2026-03-02")))
                .contains(new Interval(local("2026-03-02T12:00:00"), local("2026-03-02T13:30:00")));
        assertThat(EXAMPLE.standardDayLength()).isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void aClosureCoveringTheWholeDayMakesItClosed() {
        WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.example()
                .closure("2026-03-03T00:00", "2026-03-04T00:00", "move").calendar(), SHANGHAI);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-03"))).isFalse();
        assertThat(calendar.periodAt(local("2026-03-03T10:00:00"))).isEqualTo(Period.CLOSED);
        assertThat(calendar.periodAt(local("2026-03-03T20:00:00"))).isEqualTo(Period.CLOSED);
        assertThat(calendar.nextOpening(local("2026-03-02T18:00:00"))).contains(local("2026-03-04T08:30:00"));
    }

    @Test
    void holidaysFromAnIcsFileCloseTheirDates() {
        WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.example()
                .holidayFile("extra.ics", java.util.List.of(new Holiday(LocalDate.parse("2026-05-01"),
                        LocalDate.parse("2026-05-05"), "Labour Day")))
                .calendar(), SHANGHAI);
        assertThat(calendar.periodAt(local("2026-05-04T10:00:00"))).isEqualTo(Period.CLOSED);
        assertThat(calendar.holidayOn(LocalDate.parse("2026-05-05"))).map(Holiday::name).contains("Labour Day");
        assertThat(calendar.periodAt(local("2026-05-06T10:00:00"))).isEqualTo(Period.OFFICE);
    }

    @Test
    void refusesInvertedAndOverlappingRanges() {
        assertThatThrownBy(() -> new WorkingCalendar(HotlineConfigBuilder.empty(SHANGHAI)
                .officeHours(DayOfWeek.MONDAY, "12:00-08:30").calendar(), SHANGHAI))
                .hasMessageContaining("12:00-08:30 is inverted");
        assertThatThrownBy(() -> new WorkingCalendar(HotlineConfigBuilder.empty(SHANGHAI)
                .officeHours(DayOfWeek.MONDAY, "08:30-12:00", "11:00-13:00").calendar(), SHANGHAI))
                .hasMessageContaining("overlap");
    }

    @Test
    void aCalendarWithoutHoursHasNoOpening() {
        WorkingCalendar none = new WorkingCalendar(HotlineConfigBuilder.empty(SHANGHAI).calendar(), SHANGHAI);
        assertThat(none.nextOpening(local("2026-03-02T10:00:00"))).isEmpty();
        assertThat(none.periodAt(local("2026-03-02T10:00:00"))).isEqualTo(Period.CLOSED);
        assertThatThrownBy(() -> none.plusWorkingTime(local("2026-03-02T10:00:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("office-hours");
    }

    // ---- DST: the wall-clock rule of WallClock, in zones with and without DST

    /** Sunday hours so that the DST switch falls in office hours. */
    private static WorkingCalendar sundayHours(String zone, String hours) {
        return new WorkingCalendar(HotlineConfigBuilder.empty(ZoneId.of(zone)).weekdays("08:30-12:00", "13:30-17:30")
                .officeHours(DayOfWeek.SUNDAY, hours).lunch("12:00-13:30").calendar(), ZoneId.of(zone));
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3} to {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin    | 02:30-05:00 | 2026-03-29 | 2026-03-29T01:00:00Z | 2026-03-29T03:00:00Z | start in the spring gap is the jump
            Europe/Berlin    | 01:00-04:00 | 2026-03-29 | 2026-03-29T00:00:00Z | 2026-03-29T02:00:00Z | a night shortened by the gap
            Europe/Berlin    | 02:30-04:00 | 2026-10-25 | 2026-10-25T00:30:00Z | 2026-10-25T03:00:00Z | repeated 02:30 is its first occurrence
            Europe/Berlin    | 08:30-12:00 | 2026-10-25 | 2026-10-25T07:30:00Z | 2026-10-25T11:00:00Z | a morning after fall-back
            America/New_York | 01:00-04:00 | 2026-03-08 | 2026-03-08T06:00:00Z | 2026-03-08T08:00:00Z | spring forward
            America/New_York | 01:00-03:00 | 2026-11-01 | 2026-11-01T05:00:00Z | 2026-11-01T08:00:00Z | fall back
            Asia/Shanghai    | 01:00-04:00 | 2026-03-08 | 2026-03-07T17:00:00Z | 2026-03-07T20:00:00Z | no DST
            """)
    void workingIntervalsAcrossDst(String zone, String hours, LocalDate date, Instant start, Instant end, String why) {
        WorkingCalendar calendar = sundayHours(zone, hours);
        assertThat(calendar.workingIntervals(date)).as(why).containsExactly(new Interval(start, end));
        assertThat(calendar.periodAt(start.minusSeconds(1))).isEqualTo(Period.AFTER_HOURS);
        assertThat(calendar.periodAt(start)).isEqualTo(Period.OFFICE);
        assertThat(calendar.periodAt(end.minusSeconds(1))).isEqualTo(Period.OFFICE);
        assertThat(calendar.periodAt(end)).isEqualTo(Period.AFTER_HOURS);
    }

    /** Friday 17:00 (16:00 in New York): the rest of Friday, then Monday morning after the switch. */
    @ParameterizedTest(name = "{0}: {1} + {2} working = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin    | 2026-03-27T16:00:00Z | PT1H | 2026-03-30T07:00:00Z
            Europe/Berlin    | 2026-10-23T15:00:00Z | PT1H | 2026-10-26T08:00:00Z
            America/New_York | 2026-03-06T21:00:00Z | PT2H | 2026-03-09T13:00:00Z
            America/New_York | 2026-10-30T21:00:00Z | PT2H | 2026-11-02T15:00:00Z
            Asia/Shanghai    | 2026-03-06T09:00:00Z | PT2H | 2026-03-09T02:00:00Z
            """)
    void workingTimeSkipsTheWeekendAcrossDst(String zone, Instant from, Duration amount, Instant expected) {
        WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.empty(ZoneId.of(zone))
                .weekdays("08:30-12:00", "13:30-17:30").calendar(), ZoneId.of(zone));
        assertThat(calendar.plusWorkingTime(from, amount)).isEqualTo(expected);
    }

    @Test
    void lunchBelongsToDaysWhoseHoursSpanIt() {
        assertThat(EXAMPLE.lunchOn(LocalDate.parse("2026-12-31"))).isEmpty();
        assertThat(EXAMPLE.lunchOn(LocalDate.parse("2026-03-07"))).isEmpty();
        assertThat(EXAMPLE.lunchOn(LocalDate.parse("2026-02-14"))).isPresent();
    }
}
