package org.hotline.domain.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutyRosterTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DutyRoster MAIN = roster(HotlineConfigBuilder.example().build(), "main");

    static DutyRoster roster(HotlineConfig config, String id) {
        return new DutyRoster(config.roster(id).orElseThrow(), config.people(),
                new WorkingCalendar(config.calendar(), config.zone()));
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    private static String name(Optional<Person> p) {
        return p.map(Person::id).orElse("-");
    }

    @ParameterizedTest(name = "{0}: duty day {1}, duty {2}/{3}, lunch {4}/{5} ({6})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-02T08:30:00 | 2026-03-02 | wang | li   | zhao | qian | Monday of week 0 starts at 08:30:00
            2026-03-02T12:00:00 | 2026-03-02 | wang | li   | zhao | qian | Monday lunch
            2026-03-02T23:59:59 | 2026-03-02 | wang | li   | zhao | qian | Monday night before midnight
            2026-03-03T00:00:00 | 2026-03-02 | wang | li   | zhao | qian | midnight is still Monday's duty day
            2026-03-03T02:00:00 | 2026-03-02 | wang | li   | zhao | qian | 02:00 Tuesday belongs to Monday
            2026-03-03T08:29:59 | 2026-03-02 | wang | li   | zhao | qian | last second of Monday's duty day
            2026-03-03T08:30:00 | 2026-03-03 | li   | chen | qian | zhao | Tuesday's duty day begins
            2026-03-07T10:00:00 | 2026-03-07 | chen | li   | -    | -    | Saturday has no lunch slot
            2026-03-09T09:00:00 | 2026-03-09 | li   | wang | qian | zhao | week 1 of the rotation
            2026-03-16T09:00:00 | 2026-03-16 | wang | li   | zhao | qian | the rotation repeats
            2026-01-04T09:00:00 | 2026-01-04 | chen | wang | -    | -    | the Sunday before the anchor is week 1
            2025-12-29T09:00:00 | 2025-12-29 | li   | wang | qian | zhao | a week before the anchor is week 1
            2025-12-22T09:00:00 | 2025-12-22 | wang | li   | zhao | qian | two weeks before the anchor is week 0
            2026-01-05T08:29:59 | 2026-01-04 | chen | wang | -    | -    | just before the anchor's first duty day
            2026-12-25T10:00:00 | 2026-12-25 | sun  | li   | qian | sun  | override replaces duty, keeps lunch
            2026-12-26T03:00:00 | 2026-12-25 | sun  | li   | qian | sun  | the overridden night
            2026-12-26T08:30:00 | 2026-12-26 | chen | li   | -    | -    | the day after the override (week 0)
            """)
    void whoIsOnDuty(String at, LocalDate dutyDay, String dutyA, String dutyB, String lunchA, String lunchB, String why) {
        DutyDay day = MAIN.at(local(at));
        assertThat(day.date()).as(why).isEqualTo(dutyDay);
        assertThat(List.of(name(day.dutyA()), name(day.dutyB()), name(day.lunchA()), name(day.lunchB())))
                .as(why).containsExactly(dutyA, dutyB, lunchA, lunchB);
    }

    @Test
    void overridesAreVisibleOnTheDutyDay() {
        DutyDay day = MAIN.dutyDay(LocalDate.parse("2026-12-25"));
        assertThat(day.override()).map(o -> o.note()).contains("Wang on leave; Sun swaps in");
        assertThat(day.dutyPersonIds()).containsExactly("sun", "li");
        assertThat(day.dutyA()).map(Person::phone).contains("13800000006");
        assertThat(day.span().length()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void gapsListEmptySlotsWhereTheyMatter() {
        // 2026-02-14 is a make-up Saturday (week 1): it has a lunch window but Saturday has no lunch slot.
        assertThat(MAIN.gaps(LocalDate.parse("2026-02-09"), 7)).containsExactly(
                new RosterGap(LocalDate.parse("2026-02-14"), DutyRole.LUNCH_A, 1),
                new RosterGap(LocalDate.parse("2026-02-14"), DutyRole.LUNCH_B, 1));
        assertThat(MAIN.gaps(LocalDate.parse("2026-03-02"), 14)).isEmpty();
    }

    @Test
    void aWeekdayLeftOutIsADutyGap() {
        HotlineConfig config = HotlineConfigBuilder.example()
                .editRoster("main", r -> new RosterConfig(r.id(), r.dutyDayStarts(),
                        new org.hotline.domain.config.Rotation(r.rotation().anchor(), List.of(
                                new org.hotline.domain.config.RotationWeek(java.util.Map.of(
                                        java.time.DayOfWeek.MONDAY, HotlineConfigBuilder.slots("wang", "zhao"))))),
                        List.of()))
                .build();
        DutyRoster roster = roster(config, "main");
        List<RosterGap> gaps = roster.gaps(LocalDate.parse("2026-03-02"), 2);
        assertThat(gaps).containsExactly(
                new RosterGap(LocalDate.parse("2026-03-02"), DutyRole.DUTY_B, 0),
                new RosterGap(LocalDate.parse("2026-03-02"), DutyRole.LUNCH_B, 0),
                new RosterGap(LocalDate.parse("2026-03-03"), DutyRole.DUTY_A, 0),
                new RosterGap(LocalDate.parse("2026-03-03"), DutyRole.DUTY_B, 0),
                new RosterGap(LocalDate.parse("2026-03-03"), DutyRole.LUNCH_A, 0),
                new RosterGap(LocalDate.parse("2026-03-03"), DutyRole.LUNCH_B, 0));
        assertThat(roster.at(local("2026-03-03T20:00:00")).dutyA()).isEmpty();
    }

    /** A start in the spring gap is the jump (03:00 CEST), so that duty day is 23h30m long. */
    @ParameterizedTest(name = "{0}: duty day starting {1} on {2} begins at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin    | 02:30 | 2026-03-29 | 2026-03-29T01:00:00Z | PT23H30M
            Europe/Berlin    | 02:30 | 2026-10-25 | 2026-10-25T00:30:00Z | PT25H
            America/New_York | 08:30 | 2026-03-07 | 2026-03-07T13:30:00Z | PT23H
            America/New_York | 01:30 | 2026-11-01 | 2026-11-01T05:30:00Z | PT25H
            Asia/Shanghai    | 08:30 | 2026-03-08 | 2026-03-08T00:30:00Z | PT24H
            """)
    void dutyDayBoundaryAcrossDst(String zone, String starts, LocalDate date, Instant start, Duration length) {
        HotlineConfig config = HotlineConfigBuilder.empty(ZoneId.of(zone))
                .weekdays("08:30-12:00", "13:30-17:30")
                .person("a", "A", "1001").person("b", "B", "1002")
                .simpleRoster("r", starts, "2026-01-05", "a", "").build();
        DutyRoster roster = roster(config, "r");
        assertThat(roster.dutyDayStart(date)).isEqualTo(start);
        assertThat(roster.dutyDayOf(start.minusSeconds(1))).isEqualTo(date.minusDays(1));
        assertThat(roster.dutyDayOf(start)).isEqualTo(date);
        assertThat(roster.dutyDay(date).span().length()).isEqualTo(length);
    }

    @Test
    void refusesUnknownPeople() {
        HotlineConfig config = HotlineConfigBuilder.empty(SHANGHAI).person("a", "A", "1001")
                .simpleRoster("r", "08:30", "2026-01-05", "a,ghost", "").build();
        assertThatThrownBy(() -> roster(config, "r")).hasMessageContaining("unknown person \"ghost\"");
    }
}
