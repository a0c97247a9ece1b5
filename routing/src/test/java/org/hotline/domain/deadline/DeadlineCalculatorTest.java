package org.hotline.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DueRule;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();
    private static final DeadlineCalculator EXAMPLE =
            new DeadlineCalculator(new WorkingCalendar(CONFIG.calendar(), SHANGHAI));

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-02T10:00 | 0.5 working days        | 2026-03-02T15:15 | half a standard day is 3h45 of working time
            2026-03-02T10:00 | 1 working day           | 2026-03-03T10:00 | same clock time the next working day
            2026-03-02T10:00 | 2 working days          | 2026-03-04T10:00 | two days
            2026-03-02T10:00 | 7 working days          | 2026-03-11T10:00 | over a weekend
            2026-03-02T08:30 | 1 working day           | 2026-03-02T17:30 | a boundary is the end of the earlier interval
            2026-03-02T07:00 | 1 working day           | 2026-03-02T17:30 | before opening: counting starts at 08:30
            2026-03-02T12:30 | 4 working hours         | 2026-03-02T17:30 | at lunch: counting starts at 13:30
            2026-03-02T11:00 | 2 working hours         | 2026-03-02T14:30 | lunch is not working time
            2026-03-06T18:00 | 1 working day           | 2026-03-09T17:30 | Friday evening: all of Monday
            2026-03-07T10:00 | 1 working hours         | 2026-03-09T09:30 | Saturday: from Monday's opening
            2026-09-30T16:00 | 1 working day           | 2026-10-08T16:00 | the holiday extends
            2026-09-30T17:29 | 1 working hours         | 2026-10-08T09:29 | last minute before the holiday
            2026-02-13T16:00 | 1 working day           | 2026-02-14T16:00 | the make-up Saturday counts
            2026-12-31T10:00 | 0.5 working days        | 2027-01-04T10:15 | half day, holiday, weekend
            2026-12-24T13:30 | 1 working hours         | 2026-12-25T09:00 | the closure extends
            2026-03-02T10:00 | same working day        | 2026-03-02T17:30 | end of today
            2026-03-02T07:00 | same working day        | 2026-03-02T17:30 | before opening: today
            2026-03-02T17:30 | same working day        | 2026-03-03T17:30 | at closing: tomorrow
            2026-03-02T18:00 | same working day        | 2026-03-03T17:30 | after hours: the next working day
            2026-03-07T10:00 | same working day        | 2026-03-09T17:30 | weekend: Monday
            2026-12-31T09:00 | same working day        | 2026-12-31T12:00 | half day ends at noon
            2026-12-24T10:00 | same working day        | 2026-12-24T14:00 | the closure ends the day
            2026-03-02T10:00 | end of next working day | 2026-03-03T17:30 | tomorrow's closing
            2026-03-06T10:00 | end of next working day | 2026-03-09T17:30 | Friday: Monday
            2026-03-02T18:00 | end of next working day | 2026-03-04T17:30 | after hours: counting starts Tuesday
            2026-02-13T10:00 | end of next working day | 2026-02-14T17:30 | the make-up Saturday
            2026-12-30T10:00 | end of next working day | 2026-12-31T12:00 | the half day
            2026-03-02T10:00 | 3 days                  | 2026-03-05T10:00 | calendar days
            2026-03-05T20:00 | 3 days                  | 2026-03-08T20:00 | calendar days may land on a Sunday evening
            """)
    void due(String start, String rule, String due, String why) {
        assertThat(EXAMPLE.due(local(start + ":00"), DueRule.parse(rule))).as(why).isEqualTo(local(due + ":00"));
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin    | 2026-03-27T10:00 | 3 days        | 2026-03-30T10:00
            Europe/Berlin    | 2026-03-27T10:00 | 1 working day | 2026-03-30T10:00
            Europe/Berlin    | 2026-10-23T16:00 | 1 working day | 2026-10-26T16:00
            America/New_York | 2026-03-06T10:00 | 1 working day | 2026-03-09T10:00
            America/New_York | 2026-10-30T10:00 | 2 working days | 2026-11-03T10:00
            America/New_York | 2026-03-07T02:30 | 1 days        | 2026-03-08T03:00
            America/New_York | 2026-10-31T01:30 | 1 days        | 2026-11-01T01:30
            """)
    void acrossDstTheWallClockIsKept(String zone, String start, String rule, String due) {
        ZoneId z = ZoneId.of(zone);
        DeadlineCalculator calculator = new DeadlineCalculator(new WorkingCalendar(
                HotlineConfigBuilder.empty(z).weekdays("08:30-12:00", "13:30-17:30").lunch("12:00-13:30").calendar(), z));
        Instant expected = LocalDateTime.parse(due).atZone(z).withEarlierOffsetAtOverlap().toInstant();
        assertThat(calculator.due(LocalDateTime.parse(start).atZone(z).toInstant(), DueRule.parse(rule)))
                .isEqualTo(expected);
    }

    @Test
    void complaintPolicyOfTheExample() {
        DeadlinePolicy complaint = CONFIG.policy("complaint").orElseThrow();
        Instant accepted = local("2026-03-02T10:00:00");
        assertThat(EXAMPLE.deadlines(accepted, complaint)).containsExactly(
                new StepDeadline("acknowledge", accepted, local("2026-03-02T15:15:00"), Optional.empty()),
                new StepDeadline("plan", accepted, local("2026-03-03T10:00:00"), Optional.empty()),
                new StepDeadline("resolve", accepted, local("2026-03-04T10:00:00"),
                        Optional.of(local("2026-03-11T10:00:00"))),
                new StepDeadline("callback", local("2026-03-04T10:00:00"), local("2026-03-07T10:00:00"), Optional.empty()));
    }

    @Test
    void repairPolicyChainsTheCallbackAfterResolution() {
        List<StepDeadline> steps = EXAMPLE.deadlines(local("2026-03-06T16:00:00"), CONFIG.policy("repair").orElseThrow());
        assertThat(steps).extracting(StepDeadline::due).containsExactly(
                local("2026-03-09T11:00:00"), local("2026-03-09T17:30:00"), local("2026-03-16T17:30:00"));
        assertThat(steps.get(1).max()).contains(local("2026-03-13T16:00:00"));
    }

    @Test
    void anAfterNamingNoEarlierStepIsRefused() {
        DeadlinePolicy bad = new DeadlinePolicy("bad", List.of(
                HotlineConfigBuilder.step("callback", "3 days", null, "resolve"),
                HotlineConfigBuilder.step("resolve", "1 working day", null, null)));
        assertThatThrownBy(() -> EXAMPLE.deadlines(Instant.EPOCH, bad))
                .hasMessageContaining("step callback is counted after \"resolve\", which is not an earlier step");
    }

    @Test
    void workingDaysNeedOfficeHours() {
        DeadlineCalculator none = new DeadlineCalculator(
                new WorkingCalendar(HotlineConfigBuilder.empty(SHANGHAI).calendar(), SHANGHAI));
        assertThatThrownBy(() -> none.due(Instant.EPOCH, DueRule.parse("1 working day")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no weekday has office hours");
        assertThat(none.due(Instant.EPOCH, DueRule.parse("2 days"))).isEqualTo(Instant.parse("1970-01-03T00:00:00Z"));
    }
}
