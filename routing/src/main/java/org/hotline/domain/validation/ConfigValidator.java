package org.hotline.domain.validation;

import org.hotline.domain.config.CalendarConfig;
import org.hotline.domain.config.Closure;
import org.hotline.domain.config.DaySlots;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.config.DueRule;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.HalfDay;
import org.hotline.domain.config.Holiday;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.LineHours;
import org.hotline.domain.config.MakeUpDay;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RingSeconds;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.RosterOverride;
import org.hotline.domain.config.RotationWeek;
import org.hotline.domain.config.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.roster.DutyRoster;
import org.hotline.domain.roster.RosterGap;
import org.hotline.domain.roster.DutyRole;
import org.hotline.domain.ticket.RequestKind;

/**
 * Finds the semantic problems of a configuration, all of them, each with the YAML key path of
 * the offending value (kebab-case keys, list indexes in brackets, e.g.
 * {@code rosters.main.rotation.weeks[0].monday.duty[0]}):
 * inverted or overlapping time ranges within a day, a lunch window overlapping office hours,
 * contradictory calendar dates, malformed phone and line numbers, unknown people, rosters and
 * policies, duplicate ids and dialled numbers, deadline steps counted after an unknown or later
 * step, and a duty day in the {@value #DUTY_HORIZON_DAYS} days from {@code today} that has
 * after-hours or closed time but no duty manager A.
 *
 * <p>An empty list means {@link WorkingCalendar}, {@link DutyRoster},
 * {@link org.hotline.domain.routing.CallRouter} and {@link org.hotline.domain.deadline.DeadlineCalculator}
 * accept the configuration. Stateless and thread-safe.
 */
public final class ConfigValidator {
    /** How many duty days from today must have a duty manager A. */
    public static final int DUTY_HORIZON_DAYS = 14;
    /** What the PBX can dial: digits with an optional leading +. */
    public static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{3,20}$");
    /** The request kinds a line may map to policies: {@link RequestKind#configName()} of each kind. */
    public static final List<String> REQUEST_KINDS =
            Arrays.stream(RequestKind.values()).map(RequestKind::configName).toList();
    private static final Pattern ASTERISK_NAME = Pattern.compile("^[A-Za-z0-9_.-]+$");
    private static final Pattern MAILBOX = Pattern.compile("^[A-Za-z0-9_.-]+(@[A-Za-z0-9_.-]+)?$");

    /** Every problem of {@code config}, in file order; duty gaps are looked for from {@code today}. */
    public List<ConfigProblem> validate(HotlineConfig config, LocalDate today) {
        Run run = new Run(config);
        run.calendar();
        run.people();
        run.rosters(today);
        run.policies();
        run.lines();
        return List.copyOf(run.problems);
    }

    /** One validation, collecting problems. */
    private static final class Run {
        private final HotlineConfig config;
        private final List<ConfigProblem> problems = new ArrayList<>();
        private final Set<String> personIds = new HashSet<>();
        private boolean calendarValid = true;

        Run(HotlineConfig config) {
            this.config = config;
            config.people().forEach(p -> personIds.add(p.id()));
        }

        private void problem(String path, String message) {
            problems.add(new ConfigProblem(path, message));
        }

        // ---- calendar

        void calendar() {
            CalendarConfig c = config.calendar();
            int before = problems.size();
            if (!weeklyHours("calendar.office-hours", c::officeHoursOn)) {
                problem("calendar.office-hours", "no weekday has office hours, so the hotline would never open; "
                        + "give at least one day a range such as \"08:30-17:30\"");
            }
            c.lunch().ifPresent(l -> lunch("calendar.lunch", l, c::officeHoursOn));
            for (int i = 0; i < c.holidays().size(); i++) {
                Holiday h = c.holidays().get(i);
                if (h.to().isBefore(h.from())) {
                    problem("calendar.holidays[" + i + "].to", h.to() + " is before from " + h.from()
                            + "; a holiday range is from..to inclusive");
                }
            }
            WorkingCalendarDates dates = new WorkingCalendarDates(c);
            Map<LocalDate, String> declared = new HashMap<>();
            for (int i = 0; i < c.makeUpDays().size(); i++) {
                MakeUpDay m = c.makeUpDays().get(i);
                String path = "calendar.make-up-days[" + i + "]";
                declared(declared, m.date(), path);
                if (m.like().isPresent() && !m.hours().isEmpty()) {
                    problem(path, "give either like or hours, not both");
                }
                ranges(path + ".hours", m.hours());
                if (m.hoursIn(c).isEmpty()) {
                    problem(m.like().isPresent() ? path + ".like" : path, dayKey(m.like().orElse(DayOfWeek.MONDAY))
                            + " has no office hours to copy; give this make-up day hours");
                }
                dates.holiday(m.date()).ifPresent(h -> problem(path + ".date", m.date() + " is also the holiday \""
                        + h.name() + "\"; a date cannot be both"));
                if (!c.officeHoursOn(m.date().getDayOfWeek()).isEmpty() && dates.holiday(m.date()).isEmpty()) {
                    problem(path + ".date", m.date() + " is a " + dayKey(m.date().getDayOfWeek())
                            + ", already a working day; use half-days to change its hours");
                }
                lunchClash(path + ".hours", m.hours());
            }
            for (int i = 0; i < c.halfDays().size(); i++) {
                HalfDay h = c.halfDays().get(i);
                String path = "calendar.half-days[" + i + "]";
                declared(declared, h.date(), path);
                if (h.hours().isEmpty()) {
                    problem(path + ".hours", "a half day needs at least one range; to close the day use holidays or closures");
                }
                ranges(path + ".hours", h.hours());
                dates.holiday(h.date()).ifPresent(x -> problem(path + ".date", h.date() + " is also the holiday \""
                        + x.name() + "\"; a date cannot be both"));
                lunchClash(path + ".hours", h.hours());
            }
            for (int i = 0; i < c.closures().size(); i++) {
                Closure cl = c.closures().get(i);
                if (!cl.from().isBefore(cl.to())) {
                    problem("calendar.closures[" + i + "].to", cl.to() + " is not after from " + cl.from()
                            + "; a closure is the half-open range [from, to)");
                }
            }
            calendarValid = problems.size() == before;
        }

        private void declared(Map<LocalDate, String> declared, LocalDate date, String path) {
            String other = declared.putIfAbsent(date, path);
            if (other != null) {
                problem(path + ".date", date + " is already declared at " + other);
            }
        }

        /** Inverted ranges, and overlaps reported at the later of two overlapping ranges. */
        private void ranges(String path, List<TimeRange> ranges) {
            for (int j = 0; j < ranges.size(); j++) {
                TimeRange r = ranges.get(j);
                if (r.isInverted()) {
                    problem(path + "[" + j + "]", "range " + r + " is inverted or empty: the start must be before the end");
                    continue;
                }
                for (int i = 0; i < j; i++) {
                    if (!ranges.get(i).isInverted() && ranges.get(i).overlaps(r)) {
                        problem(path + "[" + j + "]", "range " + r + " overlaps " + path + "[" + i + "] ("
                                + ranges.get(i) + ")");
                        break;
                    }
                }
            }
        }

        private void lunch(String path, TimeRange lunch, java.util.function.Function<DayOfWeek, List<TimeRange>> hoursOn) {
            if (lunch.isInverted()) {
                problem(path, "range " + lunch + " is inverted or empty: the start must be before the end");
                return;
            }
            boolean applies = false;
            boolean anyHours = false;
            for (DayOfWeek day : DayOfWeek.values()) {
                List<TimeRange> hours = hoursOn.apply(day);
                for (TimeRange r : hours) {
                    if (!r.isInverted() && r.overlaps(lunch)) {
                        problem(path, "lunch " + lunch + " overlaps the office hours of " + dayKey(day)
                                + " (" + r + "); the lunch window must lie between office ranges");
                        return;
                    }
                }
                if (!hours.isEmpty()) {
                    anyHours = true;
                    applies |= hours.stream().anyMatch(r -> !r.start().isAfter(lunch.start()))
                            && hours.stream().anyMatch(r -> !r.end().isBefore(lunch.end()));
                }
            }
            if (anyHours && !applies) {
                problem(path, "lunch " + lunch + " lies outside the office hours of every day, so it would"
                        + " never apply; it must lie between the first opening and the last closing of a day");
            }
        }

        private void lunchClash(String path, List<TimeRange> hours) {
            Optional<TimeRange> lunch = config.calendar().lunch();
            if (lunch.isEmpty() || lunch.get().isInverted()) {
                return;
            }
            for (int k = 0; k < hours.size(); k++) {
                if (!hours.get(k).isInverted() && hours.get(k).overlaps(lunch.get())) {
                    problem(path + "[" + k + "]", "range " + hours.get(k) + " overlaps the lunch window " + lunch.get());
                }
            }
        }

        // ---- people

        void people() {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < config.people().size(); i++) {
                Person p = config.people().get(i);
                if (p.id().isBlank()) {
                    problem("people[" + i + "].id", "must not be empty");
                }
                Integer other = seen.putIfAbsent(p.id(), i);
                if (other != null) {
                    problem("people[" + i + "].id", "\"" + p.id() + "\" is already the id of people[" + other + "]");
                }
                if (!PHONE.matcher(p.phone()).matches()) {
                    problem("people[" + i + "].phone", "\"" + p.phone() + "\" is not a phone number the PBX can dial: "
                            + "expected 3 to 20 digits with an optional leading +, nothing else");
                }
            }
        }

        // ---- rosters

        void rosters(LocalDate today) {
            for (RosterConfig r : config.rosters()) {
                String path = "rosters." + r.id();
                int before = problems.size();
                LocalDate anchor = r.rotation().anchor();
                if (anchor.getDayOfWeek() != DayOfWeek.MONDAY) {
                    problem(path + ".rotation.anchor", anchor + " is a " + dayKey(anchor.getDayOfWeek())
                            + "; the anchor must be the Monday of the rotation's first week");
                }
                if (r.rotation().weeks().isEmpty()) {
                    problem(path + ".rotation.weeks", "the rotation needs at least one week");
                }
                for (int w = 0; w < r.rotation().weeks().size(); w++) {
                    RotationWeek week = r.rotation().weeks().get(w);
                    for (DayOfWeek day : DayOfWeek.values()) {
                        DaySlots slots = week.on(day);
                        String dayPath = path + ".rotation.weeks[" + w + "]." + dayKey(day);
                        slots.duty().ifPresent(p -> pair(dayPath + ".duty", p));
                        slots.lunch().ifPresent(p -> pair(dayPath + ".lunch", p));
                    }
                }
                Map<LocalDate, Integer> overrideDates = new HashMap<>();
                for (int i = 0; i < r.overrides().size(); i++) {
                    RosterOverride o = r.overrides().get(i);
                    String oPath = path + ".overrides[" + i + "]";
                    Integer other = overrideDates.putIfAbsent(o.date(), i);
                    if (other != null) {
                        problem(oPath + ".date", o.date() + " already has an override (overrides[" + other + "])");
                    }
                    o.duty().ifPresent(p -> pair(oPath + ".duty", p));
                    o.lunch().ifPresent(p -> pair(oPath + ".lunch", p));
                }
                if (problems.size() == before && calendarValid) {
                    dutyHorizon(r, today);
                }
            }
        }

        private void pair(String path, DutyPair pair) {
            List<String> ids = pair.ids();
            for (int k = 0; k < ids.size(); k++) {
                if (!personIds.contains(ids.get(k))) {
                    problem(path + "[" + k + "]", "unknown person \"" + ids.get(k) + "\"; people: "
                            + String.join(", ", config.people().stream().map(Person::id).toList()));
                }
            }
            if (pair.b().isPresent() && pair.b().get().equals(pair.a())) {
                problem(path + "[1]", "B is the same person as A (\"" + pair.a() + "\"); name a different backup or leave B out");
            }
        }

        private void dutyHorizon(RosterConfig r, LocalDate today) {
            DutyRoster roster = new DutyRoster(r, config.people(),
                    new WorkingCalendar(config.calendar(), config.zone()));
            Map<String, List<LocalDate>> byPath = new LinkedHashMap<>();
            for (RosterGap gap : roster.gaps(today, DUTY_HORIZON_DAYS)) {
                if (gap.role() == DutyRole.DUTY_A) {
                    String path = "rosters." + r.id() + ".rotation.weeks[" + gap.rotationWeek() + "]."
                            + dayKey(gap.date().getDayOfWeek()) + ".duty";
                    byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(gap.date());
                }
            }
            byPath.forEach((path, dates) -> problem(path, "no duty manager A on " + dates.get(0)
                    + (dates.size() > 1 ? " (and " + (dates.size() - 1) + " more date(s))" : "")
                    + ", which has after-hours or closed time: calls would reach nobody. Name a duty person"
                    + " here or add an override for the date"));
        }

        // ---- deadline policies

        void policies() {
            for (DeadlinePolicy policy : config.deadlinePolicies()) {
                String path = "deadline-policies." + policy.id();
                if (policy.steps().isEmpty()) {
                    problem(path, "a policy needs at least one step");
                }
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < policy.steps().size(); i++) {
                    DeadlineStep step = policy.steps().get(i);
                    if (step.name().isBlank()) {
                        problem(path + "[" + i + "].step", "must not be empty");
                    }
                    Integer other = index.putIfAbsent(step.name(), i);
                    if (other != null) {
                        problem(path + "[" + i + "].step", "step \"" + step.name() + "\" is already step " + other);
                    }
                }
                for (int i = 0; i < policy.steps().size(); i++) {
                    DeadlineStep step = policy.steps().get(i);
                    String stepPath = path + "[" + i + "]";
                    if (step.after().isPresent()) {
                        Integer target = index.get(step.after().get());
                        if (target == null) {
                            problem(stepPath + ".after", "names no step \"" + step.after().get() + "\"; steps of this policy: "
                                    + String.join(", ", index.keySet().stream().sorted(
                                            (a, b) -> index.get(a) - index.get(b)).toList()));
                        } else if (target >= i) {
                            problem(stepPath + ".after", "names step \"" + step.after().get() + "\", which is not earlier;"
                                    + " a step can only be counted after an earlier one");
                        }
                    }
                    step.max().ifPresent(max -> {
                        if (shorter(max, step.due())) {
                            problem(stepPath + ".max", "max \"" + max + "\" is shorter than due \"" + step.due() + "\"");
                        }
                    });
                }
            }
        }

        private static boolean shorter(DueRule max, DueRule due) {
            if (max instanceof DueRule.WorkingDays m && due instanceof DueRule.WorkingDays d) {
                return m.halfDays() < d.halfDays();
            }
            if (max instanceof DueRule.WorkingHours m && due instanceof DueRule.WorkingHours d) {
                return m.duration().compareTo(d.duration()) < 0;
            }
            if (max instanceof DueRule.CalendarDays m && due instanceof DueRule.CalendarDays d) {
                return m.days() < d.days();
            }
            return false;
        }

        // ---- lines

        /** Checks the ranges of each weekday under {@code path}; whether any weekday has hours. */
        private boolean weeklyHours(String path, java.util.function.Function<DayOfWeek, List<TimeRange>> hoursOn) {
            boolean anyHours = false;
            for (DayOfWeek day : DayOfWeek.values()) {
                List<TimeRange> hours = hoursOn.apply(day);
                anyHours |= !hours.isEmpty();
                ranges(path + "." + dayKey(day), hours);
            }
            return anyHours;
        }

        /** A line's own hours: the same rules as the office's weekly hours and lunch. */
        private void ownHours(String path, LineHours.Own own) {
            if (!weeklyHours(path + ".office-hours", own::officeHoursOn)) {
                problem(path + ".office-hours", "no weekday has hours, so the line's agents would never answer; "
                        + "give at least one day a range such as \"08:00-20:00\", or write hours: always");
            }
            own.lunch().ifPresent(l -> lunch(path + ".lunch", l, own::officeHoursOn));
        }

        void lines() {
            Map<String, Integer> ids = new HashMap<>();
            Map<String, String> numbers = new HashMap<>();
            Set<String> rosterIds = new HashSet<>();
            config.rosters().forEach(r -> rosterIds.add(r.id()));
            Set<String> policyIds = new HashSet<>();
            config.deadlinePolicies().forEach(p -> policyIds.add(p.id()));
            for (int i = 0; i < config.lines().size(); i++) {
                LineConfig line = config.lines().get(i);
                String path = "lines[" + i + "]";
                if (line.id().isBlank()) {
                    problem(path + ".id", "must not be empty");
                }
                Integer other = ids.putIfAbsent(line.id(), i);
                if (other != null) {
                    problem(path + ".id", "\"" + line.id() + "\" is already the id of lines[" + other + "]");
                }
                if (line.numbers().isEmpty()) {
                    problem(path + ".numbers", "a line needs at least one dialled number");
                }
                if (line.hours() instanceof LineHours.Own own) {
                    ownHours(path + ".hours", own);
                }
                for (int k = 0; k < line.numbers().size(); k++) {
                    String number = line.numbers().get(k);
                    String numberPath = path + ".numbers[" + k + "]";
                    if (!PHONE.matcher(number).matches()) {
                        problem(numberPath, "\"" + number + "\" is not a dialled number: expected 3 to 20 digits"
                                + " with an optional leading +");
                    }
                    String first = numbers.putIfAbsent(number, numberPath);
                    if (first != null) {
                        problem(numberPath, "\"" + number + "\" is already a number at " + first
                                + "; each dialled number belongs to one line");
                    }
                }
                if (!rosterIds.contains(line.roster())) {
                    problem(path + ".roster", "unknown roster \"" + line.roster() + "\"; rosters: "
                            + String.join(", ", config.rosters().stream().map(RosterConfig::id).toList()));
                }
                if (!ASTERISK_NAME.matcher(line.queue()).matches()) {
                    problem(path + ".queue", "\"" + line.queue() + "\" is not an Asterisk queue name:"
                            + " expected letters, digits, '_', '.' or '-'");
                }
                if (!MAILBOX.matcher(line.voicemail()).matches()) {
                    problem(path + ".voicemail", "\"" + line.voicemail() + "\" is not a voicemail box:"
                            + " expected mailbox or mailbox@context (letters, digits, '_', '.', '-')");
                }
                if (line.tier() != null && !line.deadlines().containsKey(RequestKind.COMPLAINT.configName())) {
                    problem(path + ".tier", "a complaint line of tier " + line.tier().configName() + " handles complaints: "
                            + "give it a complaint deadline policy (" + path + ".deadlines.complaint)");
                }
                ring(path + ".ring-seconds.a", line.ringSeconds().a());
                ring(path + ".ring-seconds.b", line.ringSeconds().b());
                line.deadlines().forEach((kind, policy) -> {
                    String kindPath = path + ".deadlines." + kind;
                    if (!REQUEST_KINDS.contains(kind)) {
                        problem(kindPath, "unknown kind of request \"" + kind + "\"; expected one of "
                                + String.join(", ", REQUEST_KINDS));
                    }
                    if (!policyIds.contains(policy)) {
                        problem(kindPath, "unknown deadline policy \"" + policy + "\"; deadline-policies: "
                                + String.join(", ", config.deadlinePolicies().stream().map(DeadlinePolicy::id).toList()));
                    }
                });
            }
        }

        private void ring(String path, int seconds) {
            if (seconds < RingSeconds.MIN || seconds > RingSeconds.MAX) {
                problem(path, seconds + " seconds is out of range: expected " + RingSeconds.MIN + " to "
                        + RingSeconds.MAX);
            }
        }
    }

    /** The YAML key of a weekday ({@code monday}). */
    static String dayKey(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** Holiday lookups over inline and file holidays. */
    private static final class WorkingCalendarDates {
        private final List<Holiday> holidays;

        WorkingCalendarDates(CalendarConfig c) {
            this.holidays = c.allHolidays();
        }

        Optional<Holiday> holiday(LocalDate date) {
            return holidays.stream().filter(h -> h.contains(date)).findFirst();
        }
    }
}
