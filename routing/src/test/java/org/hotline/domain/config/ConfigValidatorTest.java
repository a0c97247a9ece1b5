package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigProblem;
import org.hotline.domain.validation.ConfigValidator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.domain.testing.HotlineConfigBuilder.slots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidatorTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private final ConfigValidator validator = new ConfigValidator();

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-03-02", "2026-09-25", "2026-12-20", "2025-06-01"})
    void theExampleIsValid(LocalDate today) {
        assertThat(validator.validate(HotlineConfigBuilder.example().build(), today)).isEmpty();
    }

    private static Arguments problem(String path, String fragment, UnaryOperator<HotlineConfigBuilder> change) {
        return Arguments.of(path, fragment, change);
    }

    private static RosterConfig withWeek0(RosterConfig r, DayOfWeek day, DaySlots slots) {
        List<RotationWeek> weeks = new java.util.ArrayList<>(r.rotation().weeks());
        Map<DayOfWeek, DaySlots> days = new EnumMap<>(weeks.get(0).days());
        if (slots == null) {
            days.remove(day);
        } else {
            days.put(day, slots);
        }
        weeks.set(0, new RotationWeek(days));
        return new RosterConfig(r.id(), r.dutyDayStarts(), new Rotation(r.rotation().anchor(), weeks), r.overrides());
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                problem("calendar.office-hours.monday[1]", "range 17:30-13:30 is inverted",
                        b -> b.officeHours(DayOfWeek.MONDAY, "08:30-12:00", "17:30-13:30")),
                problem("calendar.office-hours.tuesday[1]", "overlaps calendar.office-hours.tuesday[0] (08:30-12:00)",
                        b -> b.officeHours(DayOfWeek.TUESDAY, "08:30-12:00", "11:00-17:30")),
                problem("calendar.office-hours", "no weekday has office hours",
                        b -> HotlineConfigBuilder.empty(java.time.ZoneId.of("UTC"))),
                problem("calendar.lunch", "lunch 11:30-13:30 overlaps the office hours of monday (08:30-12:00)",
                        b -> b.lunch("11:30-13:30")),
                problem("calendar.lunch", "inverted", b -> b.lunch("13:30-12:00")),
                problem("calendar.lunch", "lies outside the office hours of every day", b -> b.lunch("18:00-19:00")),
                problem("calendar.holidays[4].to", "2026-05-01 is before from 2026-05-05",
                        b -> b.holiday("2026-05-05", "2026-05-01", "Labour Day")),
                problem("calendar.make-up-days[3].date", "is a monday, already a working day",
                        b -> b.makeUpDay("2026-03-02", "oops")),
                problem("calendar.make-up-days[3].date", "is also the holiday \"Spring Festival\"",
                        b -> b.makeUpDay("2026-02-21", "oops")),
                problem("calendar.make-up-days[3]", "give either like or hours, not both",
                        b -> b.makeUpDay(new MakeUpDay(LocalDate.parse("2026-03-07"), Optional.of(DayOfWeek.MONDAY),
                                HotlineConfigBuilder.ranges(List.of("09:00-12:00")), "both"))),
                problem("calendar.make-up-days[3].like", "sunday has no office hours to copy",
                        b -> b.makeUpDay(new MakeUpDay(LocalDate.parse("2026-03-07"), Optional.of(DayOfWeek.SUNDAY),
                                List.of(), "like a Sunday"))),
                problem("calendar.half-days[1].date", "2026-12-31 is already declared at calendar.half-days[0]",
                        b -> b.halfDay("2026-12-31", "again", "08:30-11:00")),
                problem("calendar.half-days[1].hours[0]", "overlaps the lunch window 12:00-13:30",
                        b -> b.halfDay("2026-12-30", "long half", "08:30-12:30")),
                problem("calendar.half-days[1].hours", "needs at least one range", b -> b.halfDay("2026-12-30", "none")),
                problem("calendar.closures[1].to", "is not after from",
                        b -> b.closure("2026-12-24T17:00", "2026-12-24T09:00", "backwards")),
                problem("people[2].phone", "\"138-0000-0003\" is not a phone number",
                        b -> replacePerson(b, "zhao", "138-0000-0003")),
                problem("people[6].id", "\"wang\" is already the id of people[0]",
                        b -> b.person("wang", "Another Wang", "13800000009")),
                problem("rosters.main.rotation.weeks[0].monday.duty[0]", "unknown person \"ghost\"; people: wang, li",
                        b -> b.editRoster("main", r -> withWeek0(r, DayOfWeek.MONDAY, slots("ghost,li", "zhao,qian")))),
                problem("rosters.main.rotation.weeks[0].tuesday.lunch[1]", "B is the same person as A",
                        b -> b.editRoster("main", r -> withWeek0(r, DayOfWeek.TUESDAY, slots("li,chen", "qian,qian")))),
                problem("rosters.main.rotation.anchor", "2026-01-06 is a tuesday",
                        b -> b.editRoster("main", r -> new RosterConfig(r.id(), r.dutyDayStarts(),
                                new Rotation(LocalDate.parse("2026-01-06"), r.rotation().weeks()), r.overrides()))),
                problem("rosters.main.overrides[1].duty[1]", "unknown person \"nobody\"",
                        b -> b.editRoster("main", r -> new RosterConfig(r.id(), r.dutyDayStarts(), r.rotation(),
                                List.of(r.overrides().get(0), new RosterOverride(LocalDate.parse("2026-12-26"),
                                        HotlineConfigBuilder.pair("sun,nobody"), Optional.empty(), ""))))),
                problem("rosters.main.overrides[1].date", "2026-12-25 already has an override (overrides[0])",
                        b -> b.editRoster("main", r -> new RosterConfig(r.id(), r.dutyDayStarts(), r.rotation(),
                                List.of(r.overrides().get(0), r.overrides().get(0))))),
                problem("rosters.main.rotation.weeks[0].wednesday.duty",
                        "no duty manager A on 2026-03-04, which has after-hours or closed time",
                        b -> b.editRoster("main", r -> withWeek0(r, DayOfWeek.WEDNESDAY, null))),
                problem("rosters.main.rotation.weeks[0].saturday.duty", "no duty manager A on 2026-03-07",
                        b -> b.editRoster("main", r -> withWeek0(r, DayOfWeek.SATURDAY, slots("", "")))),
                problem("deadline-policies.complaint[3].after", "names no step \"resolved\"; steps of this policy: "
                                + "acknowledge, plan, resolve, callback",
                        b -> b.policy("complaint", DeadlineStep.of("acknowledge", "0.5 working days"),
                                DeadlineStep.of("plan", "1 working day"),
                                HotlineConfigBuilder.step("resolve", "2 working days", "7 working days", null),
                                HotlineConfigBuilder.step("callback", "3 days", null, "resolved"))),
                problem("deadline-policies.repair[0].after", "names step \"resolve\", which is not earlier",
                        b -> b.policy("repair", HotlineConfigBuilder.step("callback", "7 days", null, "resolve"),
                                DeadlineStep.of("resolve", "1 working day"))),
                problem("deadline-policies.report[0].max", "max \"1 working day\" is shorter than due \"2 working days\"",
                        b -> b.policy("report", HotlineConfigBuilder.step("resolve", "2 working days", "1 working day", null))),
                problem("deadline-policies.inquiry[1].step", "step \"answer\" is already step 0",
                        b -> b.policy("inquiry", DeadlineStep.of("answer", "same working day"),
                                DeadlineStep.of("answer", "1 working day"))),
                problem("lines[1].numbers[0]", "\"4008001234\" is already a number at lines[0].numbers[0]",
                        b -> b.editLine("service", l -> lineWith(l, List.of("4008001234"), l.roster(), l.deadlines(), 25))),
                problem("lines[1].numbers[0]", "\"400-800-5678\" is not a dialled number",
                        b -> b.editLine("service", l -> lineWith(l, List.of("400-800-5678"), l.roster(), l.deadlines(), 25))),
                problem("lines[1].roster", "unknown roster \"night\"; rosters: main",
                        b -> b.editLine("service", l -> lineWith(l, l.numbers(), "night", l.deadlines(), 25))),
                problem("lines[1].deadlines.complaint", "unknown deadline policy \"complaints\"",
                        b -> b.editLine("service", l -> lineWith(l, l.numbers(), l.roster(),
                                Map.of("complaint", "complaints"), 25))),
                problem("lines[1].deadlines.praise", "unknown kind of request \"praise\"",
                        b -> b.editLine("service", l -> lineWith(l, l.numbers(), l.roster(),
                                Map.of("praise", "complaint"), 25))),
                problem("lines[1].tier", "a complaint line of tier area handles complaints: give it a complaint deadline "
                                + "policy (lines[1].deadlines.complaint)",
                        b -> b.editLine("service", l -> lineWith(l, l.numbers(), l.roster(), Map.of("repair", "repair"),
                                25).withTier(ComplaintTier.AREA))),
                problem("lines[1].ring-seconds.a", "3 seconds is out of range: expected 5 to 120",
                        b -> b.editLine("service", l -> lineWith(l, l.numbers(), l.roster(), l.deadlines(), 3))),
                problem("lines[2].id", "\"service\" is already the id of lines[1]",
                        b -> b.line(HotlineConfigBuilder.line("other", "5550100", "main", UrgentPath.QUEUE))
                                .editLine("other", l -> new LineConfig("service", l.name(), l.numbers(), l.roster(),
                                        l.queue(), l.ringSeconds(), l.askLocation(), l.urgent(), l.voicemail(),
                                        l.deadlines(), l.prompts()))),
                problem("lines[1].voicemail", "is not a voicemail box",
                        b -> b.editLine("service", l -> new LineConfig(l.id(), l.name(), l.numbers(), l.roster(),
                                l.queue(), l.ringSeconds(), l.askLocation(), l.urgent(), "service,hotline|x",
                                l.deadlines(), l.prompts()))));
    }

    private static HotlineConfigBuilder replacePerson(HotlineConfigBuilder b, String id, String phone) {
        return b.editPerson(id, p -> new Person(p.id(), p.name(), phone));
    }

    private static LineConfig lineWith(LineConfig l, List<String> numbers, String roster, Map<String, String> deadlines,
            int ringA) {
        return new LineConfig(l.id(), l.name(), numbers, roster, l.queue(), new RingSeconds(ringA, l.ringSeconds().b()),
                l.askLocation(), l.urgent(), l.voicemail(), deadlines, l.prompts());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("problems")
    void reportsTheProblemAtItsYamlPath(String path, String fragment, UnaryOperator<HotlineConfigBuilder> change) {
        HotlineConfig config = change.apply(HotlineConfigBuilder.example()).build();
        List<ConfigProblem> problems = validator.validate(config, TODAY);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(fragment);
        });
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        HotlineConfig config = HotlineConfigBuilder.example()
                .officeHours(DayOfWeek.MONDAY, "12:00-08:30")
                .person("x", "X", "abc")
                .editLine("service", l -> lineWith(l, l.numbers(), "night", l.deadlines(), 25))
                .build();
        assertThat(validator.validate(config, TODAY)).extracting(ConfigProblem::path)
                .containsExactly("calendar.office-hours.monday[0]", "people[6].phone", "lines[1].roster");
    }

    @Test
    void aDutyGapIsReportedOncePerSlotWithTheDatesInTheHorizon() {
        HotlineConfig gap = HotlineConfigBuilder.example()
                .editRoster("main", r -> withWeek0(r, DayOfWeek.WEDNESDAY, null)).build();
        // Week-0 Wednesdays of the two-week rotation: 2026-03-04, 2026-03-18, 2026-04-01.
        assertThat(validator.validate(gap, LocalDate.parse("2026-03-04"))).extracting(ConfigProblem::message)
                .singleElement().asString().contains("on 2026-03-04,");
        HotlineConfig oneWeek = HotlineConfigBuilder.example().editRoster("main", r -> withWeek0(new RosterConfig(r.id(),
                r.dutyDayStarts(), new Rotation(r.rotation().anchor(), r.rotation().weeks().subList(0, 1)), List.of()),
                DayOfWeek.WEDNESDAY, null)).build();
        assertThat(validator.validate(oneWeek, LocalDate.parse("2026-03-04"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rosters.main.rotation.weeks[0].wednesday.duty");
            assertThat(p.message()).contains("on 2026-03-04 (and 1 more date(s))");
        });
        assertThat(validator.validate(gap, LocalDate.parse("2026-03-05"))).extracting(ConfigProblem::message)
                .singleElement().asString().contains("on 2026-03-18,");
        assertThat(validator.validate(gap, LocalDate.parse("2026-03-19"))).extracting(ConfigProblem::message)
                .singleElement().asString().contains("on 2026-04-01,");
        assertThat(LocalDateTime.parse("2026-03-18T00:00").getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        // An override that fills the slot removes the problem.
        HotlineConfig filled = HotlineConfigBuilder.example()
                .editRoster("main", r -> new RosterConfig(r.id(), r.dutyDayStarts(),
                        withWeek0(r, DayOfWeek.WEDNESDAY, null).rotation(), List.of(new RosterOverride(
                                LocalDate.parse("2026-03-18"), HotlineConfigBuilder.pair("sun"), Optional.empty(), "cover"))))
                .build();
        assertThat(validator.validate(filled, LocalDate.parse("2026-03-05"))).isEmpty();
    }
}
