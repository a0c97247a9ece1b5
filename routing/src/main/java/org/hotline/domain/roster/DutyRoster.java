package org.hotline.domain.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.calendar.Interval;
import org.hotline.domain.calendar.WallClock;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DaySlots;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.RosterOverride;

/**
 * One duty roster: who is duty manager A/B and lunch duty A/B at any instant.
 *
 * <p>The duty day of date D runs from {@code duty-day-starts} on D to {@code duty-day-starts}
 * on D+1 (wall-clock times become instants by the DST rule of {@link WallClock}): with 08:30,
 * 02:00 on Tuesday belongs to Monday's duty day, and 08:29:59 is still the previous day's. The
 * rotation week of duty day D is {@code floorMod(floorDiv(days from anchor to D, 7), weeks)},
 * so dates before the anchor continue the cycle backwards. A dated override replaces each slot
 * it gives, for its duty day; slots it leaves out keep the rotation's.
 *
 * <p>Immutable and thread-safe.
 */
public final class DutyRoster {
    private final RosterConfig config;
    private final WorkingCalendar calendar;
    private final WallClock clock;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<LocalDate, RosterOverride> overrides = new HashMap<>();

    /**
     * @throws IllegalArgumentException when the rotation has no weeks, an override date repeats,
     *     or a slot names a person not in {@code people} (run
     *     {@link org.hotline.domain.validation.ConfigValidator} first for messages with paths)
     */
    public DutyRoster(RosterConfig config, List<Person> people, WorkingCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
        this.clock = calendar.wallClock();
        people.forEach(p -> this.people.put(p.id(), p));
        if (config.rotation().weeks().isEmpty()) {
            throw new IllegalArgumentException("roster " + config.id() + ": the rotation has no weeks");
        }
        config.rotation().weeks().forEach(w -> w.days().values().forEach(this::requireKnown));
        for (RosterOverride o : config.overrides()) {
            requireKnown(new DaySlots(o.duty(), o.lunch()));
            if (overrides.put(o.date(), o) != null) {
                throw new IllegalArgumentException("roster " + config.id() + ": two overrides for " + o.date());
            }
        }
    }

    private void requireKnown(DaySlots slots) {
        slots.duty().ifPresent(this::requireKnown);
        slots.lunch().ifPresent(this::requireKnown);
    }

    private void requireKnown(DutyPair pair) {
        for (String id : pair.ids()) {
            if (!people.containsKey(id)) {
                throw new IllegalArgumentException("roster " + config.id() + " names unknown person \"" + id + "\"");
            }
        }
    }

    public String id() {
        return config.id();
    }

    /** The duty day {@code at} belongs to. */
    public LocalDate dutyDayOf(Instant at) {
        LocalDate date = clock.dateOf(at);
        return at.isBefore(dutyDayStart(date)) ? date.minusDays(1) : date;
    }

    /** The instant duty day {@code date} starts. */
    public Instant dutyDayStart(LocalDate date) {
        return clock.toInstant(date, config.dutyDayStarts());
    }

    /** The index of the rotation week that duty day {@code date} falls in. */
    public int rotationWeek(LocalDate date) {
        long days = ChronoUnit.DAYS.between(config.rotation().anchor(), date);
        return (int) Math.floorMod(Math.floorDiv(days, 7), (long) config.rotation().weeks().size());
    }

    /**
     * The slots of duty day {@code date} after overrides, as person ids; allocation-free unless
     * an override applies (for the call path).
     */
    public DaySlots slotsOn(LocalDate date) {
        DaySlots rotation = config.rotation().weeks().get(rotationWeek(date)).on(date.getDayOfWeek());
        RosterOverride o = overrides.get(date);
        if (o == null) {
            return rotation;
        }
        return new DaySlots(o.duty().isPresent() ? o.duty() : rotation.duty(),
                o.lunch().isPresent() ? o.lunch() : rotation.lunch());
    }

    /** The person with {@code id}; the constructor checked every rostered id. */
    public Person person(String id) {
        Person p = people.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown person \"" + id + "\"");
        }
        return p;
    }

    /** Who is on duty on duty day {@code date}. */
    public DutyDay dutyDay(LocalDate date) {
        DaySlots slots = slotsOn(date);
        return new DutyDay(date, new Interval(dutyDayStart(date), dutyDayStart(date.plusDays(1))),
                slots.duty().map(p -> person(p.a())), slots.duty().flatMap(DutyPair::b).map(this::person),
                slots.lunch().map(p -> person(p.a())), slots.lunch().flatMap(DutyPair::b).map(this::person),
                rotationWeek(date), Optional.ofNullable(overrides.get(date)));
    }

    /** Who is on duty at {@code at}. */
    public DutyDay at(Instant at) {
        return dutyDay(dutyDayOf(at));
    }

    /** The duty days {@code from} .. {@code from + days - 1}. */
    public List<DutyDay> days(LocalDate from, int days) {
        List<DutyDay> out = new ArrayList<>(Math.max(days, 0));
        for (int i = 0; i < days; i++) {
            out.add(dutyDay(from.plusDays(i)));
        }
        return out;
    }

    /**
     * The empty slots of duty days {@code from} .. {@code from + days - 1}, by date then role: a
     * duty slot (A or B) when the duty day contains time outside office hours and lunch, a lunch
     * slot when it contains a lunch window.
     */
    public List<RosterGap> gaps(LocalDate from, int days) {
        List<RosterGap> gaps = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate date = from.plusDays(i);
            DaySlots slots = slotsOn(date);
            Interval span = new Interval(dutyDayStart(date), dutyDayStart(date.plusDays(1)));
            int week = rotationWeek(date);
            if (hasDutyTime(date, span)) {
                if (slots.duty().isEmpty()) {
                    gaps.add(new RosterGap(date, DutyRole.DUTY_A, week));
                }
                if (slots.duty().flatMap(DutyPair::b).isEmpty()) {
                    gaps.add(new RosterGap(date, DutyRole.DUTY_B, week));
                }
            }
            if (hasLunch(date, span)) {
                if (slots.lunch().isEmpty()) {
                    gaps.add(new RosterGap(date, DutyRole.LUNCH_A, week));
                }
                if (slots.lunch().flatMap(DutyPair::b).isEmpty()) {
                    gaps.add(new RosterGap(date, DutyRole.LUNCH_B, week));
                }
            }
        }
        return gaps;
    }

    /** Whether some of {@code span} is neither office hours nor lunch. */
    private boolean hasDutyTime(LocalDate date, Interval span) {
        Duration covered = Duration.ZERO;
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            for (Interval i : calendar.workingIntervals(d)) {
                covered = covered.plus(overlap(i, span));
            }
            Optional<Interval> lunch = calendar.lunchOn(d);
            if (lunch.isPresent()) {
                covered = covered.plus(overlap(lunch.get(), span));
            }
        }
        return covered.compareTo(span.length()) < 0;
    }

    private boolean hasLunch(LocalDate date, Interval span) {
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            Optional<Interval> lunch = calendar.lunchOn(d);
            if (lunch.isPresent() && !overlap(lunch.get(), span).isZero()) {
                return true;
            }
        }
        return false;
    }

    private static Duration overlap(Interval a, Interval b) {
        Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
        Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return start.isBefore(end) ? Duration.between(start, end) : Duration.ZERO;
    }
}
