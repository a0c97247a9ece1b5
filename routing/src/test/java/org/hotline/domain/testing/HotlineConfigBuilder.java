package org.hotline.domain.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hotline.domain.config.CalendarConfig;
import org.hotline.domain.config.Closure;
import org.hotline.domain.config.DaySlots;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.config.DueRule;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.HalfDay;
import org.hotline.domain.config.Holiday;
import org.hotline.domain.config.HolidayFile;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.ComplaintTier;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.LineHours;
import org.hotline.domain.config.MakeUpDay;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RingSeconds;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.RosterOverride;
import org.hotline.domain.config.Rotation;
import org.hotline.domain.config.RotationWeek;
import org.hotline.domain.config.TimeRange;
import org.hotline.domain.config.UrgentPath;

/**
 * Builds {@link HotlineConfig}s for tests, in the vocabulary of the YAML file. Start from
 * {@link #example()} (the same content as {@code config/hotline.example.yaml}) or
 * {@link #empty(ZoneId)}, change what the test is about, then {@link #build()}. Mutable,
 * single-threaded; used by other modules through routing's test-jar.
 */
public final class HotlineConfigBuilder {
    public static final List<String> WEEKDAY_HOURS = List.of("08:30-12:00", "13:30-17:30");

    private ZoneId zone;
    private final Map<DayOfWeek, List<TimeRange>> officeHours = new EnumMap<>(DayOfWeek.class);
    private Optional<TimeRange> lunch = Optional.empty();
    private final List<Holiday> holidays = new ArrayList<>();
    private final List<HolidayFile> holidayFiles = new ArrayList<>();
    private final List<MakeUpDay> makeUpDays = new ArrayList<>();
    private final List<HalfDay> halfDays = new ArrayList<>();
    private final List<Closure> closures = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private final Map<String, RosterConfig> rosters = new LinkedHashMap<>();
    private final Map<String, DeadlinePolicy> policies = new LinkedHashMap<>();
    private final List<LineConfig> lines = new ArrayList<>();

    private HotlineConfigBuilder(ZoneId zone) {
        this.zone = zone;
    }

    /** Nothing but the zone: no office hours, people, rosters, policies or lines. */
    public static HotlineConfigBuilder empty(ZoneId zone) {
        return new HotlineConfigBuilder(zone);
    }

    /** The content of {@code config/hotline.example.yaml} (Asia/Shanghai). */
    public static HotlineConfigBuilder example() {
        HotlineConfigBuilder b = new HotlineConfigBuilder(ZoneId.of("Asia/Shanghai"));
        b.weekdays(WEEKDAY_HOURS.toArray(String[]::new)).lunch("12:00-13:30")
                .holiday("2026-01-01", "New Year's Day")
                .holiday("2026-02-15", "2026-02-23", "Spring Festival")
                .holiday("2026-10-01", "2026-10-07", "National Day")
                .holiday("2027-01-01", "New Year's Day")
                .makeUpDay("2026-02-14", "Spring Festival make-up day");
        b.makeUpDays.add(new MakeUpDay(LocalDate.parse("2026-09-27"), Optional.of(DayOfWeek.MONDAY), List.of(),
                "National Day make-up day"));
        b.makeUpDays.add(new MakeUpDay(LocalDate.parse("2026-10-10"), Optional.empty(), ranges(WEEKDAY_HOURS),
                "National Day make-up day"));
        b.halfDay("2026-12-31", "New Year's Eve", "08:30-12:00")
                .closure("2026-12-24T14:00", "2026-12-24T17:30", "staff training")
                .person("wang", "Wang Lei", "13800000001")
                .person("li", "Li Na", "13800000002")
                .person("zhao", "Zhao Min", "13800000003")
                .person("qian", "Qian Hao", "13800000004")
                .person("chen", "Chen Jing", "13800000005")
                .person("sun", "Sun Yue", "13800000006");
        Map<DayOfWeek, DaySlots> week0 = new EnumMap<>(DayOfWeek.class);
        week0.put(DayOfWeek.MONDAY, slots("wang,li", "zhao,qian"));
        week0.put(DayOfWeek.TUESDAY, slots("li,chen", "qian,zhao"));
        week0.put(DayOfWeek.WEDNESDAY, slots("chen,wang", "zhao,sun"));
        week0.put(DayOfWeek.THURSDAY, slots("wang,chen", "sun,qian"));
        week0.put(DayOfWeek.FRIDAY, slots("li,wang", "qian,sun"));
        week0.put(DayOfWeek.SATURDAY, slots("chen,li", ""));
        week0.put(DayOfWeek.SUNDAY, slots("wang,chen", ""));
        Map<DayOfWeek, DaySlots> week1 = new EnumMap<>(DayOfWeek.class);
        week1.put(DayOfWeek.MONDAY, slots("li,wang", "qian,zhao"));
        week1.put(DayOfWeek.TUESDAY, slots("chen,li", "zhao,qian"));
        week1.put(DayOfWeek.WEDNESDAY, slots("wang,chen", "sun,zhao"));
        week1.put(DayOfWeek.THURSDAY, slots("chen,wang", "qian,sun"));
        week1.put(DayOfWeek.FRIDAY, slots("wang,li", "sun,qian"));
        week1.put(DayOfWeek.SATURDAY, slots("li,chen", ""));
        week1.put(DayOfWeek.SUNDAY, slots("chen,wang", ""));
        b.roster(new RosterConfig("main", LocalTime.parse("08:30"),
                new Rotation(LocalDate.parse("2026-01-05"), List.of(new RotationWeek(week0), new RotationWeek(week1))),
                List.of(new RosterOverride(LocalDate.parse("2026-12-25"), pair("sun,li"), Optional.empty(),
                        "Wang on leave; Sun swaps in"))));
        b.policy("complaint",
                        DeadlineStep.of("acknowledge", "0.5 working days"),
                        DeadlineStep.of("plan", "1 working day"),
                        step("resolve", "2 working days", "7 working days", null),
                        step("callback", "3 days", null, "resolve"))
                .policy("inquiry", DeadlineStep.of("answer", "same working day"))
                .policy("suggestion", DeadlineStep.of("decide", "5 working days"))
                .policy("report", DeadlineStep.of("resolve", "2 working days"))
                .policy("repair",
                        DeadlineStep.of("dispatch", "4 working hours"),
                        step("resolve", "end of next working day", "5 working days", null),
                        step("callback", "7 days", null, "resolve"))
                .policy("urgent", DeadlineStep.of("dispatch", "1 working hours"), DeadlineStep.of("resolve", "1 working day"));
        Map<String, String> deadlines = new LinkedHashMap<>();
        for (String kind : List.of("complaint", "inquiry", "suggestion", "report", "repair", "urgent")) {
            deadlines.put(kind, kind);
        }
        b.line(new LineConfig("complaints", "Complaint line", List.of("4008001234", "88001234"), "main",
                "hotline-complaints", new RingSeconds(20, 20), true, UrgentPath.DUTY_MANAGER, "complaints@hotline",
                deadlines, Map.of("greeting-office", "hotline/complaints-welcome",
                        "greeting-after-hours", "hotline/complaints-after-hours")).withTier(ComplaintTier.PROJECT));
        b.line(new LineConfig("service", "24-hour service line", List.of("4008005678"), "main", "hotline-service",
                new RingSeconds(25, 25), true, UrgentPath.DUTY_MANAGER, "service@hotline", deadlines, Map.of(),
                LineHours.always()));
        return b;
    }

    // ---- calendar

    public HotlineConfigBuilder zone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
        return this;
    }

    /** Sets the office hours of the given days ("HH:MM-HH:MM" each). */
    public HotlineConfigBuilder officeHours(DayOfWeek day, String... hours) {
        officeHours.put(day, ranges(Arrays.asList(hours)));
        return this;
    }

    /** Sets the same office hours Monday to Friday. */
    public HotlineConfigBuilder weekdays(String... hours) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                officeHours(d, hours);
            }
        }
        return this;
    }

    public HotlineConfigBuilder lunch(String range) {
        this.lunch = Optional.of(range(range));
        return this;
    }

    public HotlineConfigBuilder noLunch() {
        this.lunch = Optional.empty();
        return this;
    }

    public HotlineConfigBuilder holiday(String date, String name) {
        holidays.add(Holiday.on(LocalDate.parse(date), name));
        return this;
    }

    public HotlineConfigBuilder holiday(String from, String to, String name) {
        holidays.add(new Holiday(LocalDate.parse(from), LocalDate.parse(to), name));
        return this;
    }

    public HotlineConfigBuilder holidayFile(String path, List<Holiday> read) {
        holidayFiles.add(new HolidayFile(path, read));
        return this;
    }

    /** A make-up day with Monday's hours. */
    public HotlineConfigBuilder makeUpDay(String date, String name) {
        makeUpDays.add(new MakeUpDay(LocalDate.parse(date), Optional.empty(), List.of(), name));
        return this;
    }

    public HotlineConfigBuilder makeUpDay(MakeUpDay day) {
        makeUpDays.add(day);
        return this;
    }

    public HotlineConfigBuilder halfDay(String date, String name, String... hours) {
        halfDays.add(new HalfDay(LocalDate.parse(date), ranges(Arrays.asList(hours)), name));
        return this;
    }

    public HotlineConfigBuilder closure(String from, String to, String reason) {
        closures.add(new Closure(LocalDateTime.parse(from), LocalDateTime.parse(to), reason));
        return this;
    }

    // ---- people, rosters, policies, lines

    public HotlineConfigBuilder person(String id, String name, String phone) {
        people.add(new Person(id, name, phone));
        return this;
    }

    /** Changes the person with that id, keeping the order of people. */
    public HotlineConfigBuilder editPerson(String id, UnaryOperator<Person> change) {
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).id().equals(id)) {
                people.set(i, change.apply(people.get(i)));
            }
        }
        return this;
    }

    /** Adds or replaces the roster with that id. */
    public HotlineConfigBuilder roster(RosterConfig roster) {
        rosters.put(roster.id(), roster);
        return this;
    }

    /** Changes the roster with that id. */
    public HotlineConfigBuilder editRoster(String id, UnaryOperator<RosterConfig> change) {
        rosters.put(id, change.apply(rosters.get(id)));
        return this;
    }

    /**
     * A roster whose every day of a one-week rotation has the same duty and lunch pairs
     * ("a,b" or "a"; "" for nobody).
     */
    public HotlineConfigBuilder simpleRoster(String id, String dutyDayStarts, String anchor, String duty, String lunch) {
        Map<DayOfWeek, DaySlots> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, slots(duty, lunch));
        }
        return roster(new RosterConfig(id, LocalTime.parse(dutyDayStarts),
                new Rotation(LocalDate.parse(anchor), List.of(new RotationWeek(days))), List.of()));
    }

    public HotlineConfigBuilder policy(String id, DeadlineStep... steps) {
        policies.put(id, new DeadlinePolicy(id, List.of(steps)));
        return this;
    }

    public HotlineConfigBuilder line(LineConfig line) {
        lines.removeIf(l -> l.id().equals(line.id()));
        lines.add(line);
        return this;
    }

    /** Changes the line with that id. */
    public HotlineConfigBuilder editLine(String id, UnaryOperator<LineConfig> change) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).id().equals(id)) {
                lines.set(i, change.apply(lines.get(i)));
            }
        }
        return this;
    }

    /** A line with ring seconds 20/20, the given urgent path and no deadlines or prompts. */
    public static LineConfig line(String id, String number, String roster, UrgentPath urgent) {
        return new LineConfig(id, id + " line", List.of(number), roster, "q-" + id, new RingSeconds(20, 20), false,
                urgent, id + "@hotline", Map.of(), Map.of());
    }

    public HotlineConfig build() {
        CalendarConfig calendar = new CalendarConfig(officeHours, lunch, holidays, holidayFiles, makeUpDays, halfDays, closures);
        return new HotlineConfig(zone, calendar, people, List.copyOf(rosters.values()), List.copyOf(policies.values()), lines);
    }

    /** Only the calendar section. */
    public CalendarConfig calendar() {
        return build().calendar();
    }

    // ---- small value helpers

    /** Parses "HH:MM-HH:MM" strings. */
    public static List<TimeRange> ranges(List<String> texts) {
        return texts.stream().map(HotlineConfigBuilder::range).toList();
    }

    /** Parses "HH:MM-HH:MM" (the loader reads the file's; this is for tests). */
    public static TimeRange range(String text) {
        String[] ends = text.trim().split("-");
        return new TimeRange(java.time.LocalTime.parse(ends[0]), java.time.LocalTime.parse(ends[1]));
    }

    /** "a,b" → [a, b]; "" → nobody. */
    public static Optional<DutyPair> pair(String ids) {
        return DutyPair.fromList(ids.isBlank() ? List.of() : List.of(ids.split(",")));
    }

    public static DaySlots slots(String duty, String lunch) {
        return new DaySlots(pair(duty), pair(lunch));
    }

    /** A step; {@code max} and {@code after} may be null. */
    public static DeadlineStep step(String name, String due, String max, String after) {
        return new DeadlineStep(name, DueRule.parse(due), Optional.ofNullable(max).map(DueRule::parse),
                Optional.ofNullable(after));
    }
}
