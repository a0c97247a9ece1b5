package org.hotline.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.domain.config.CalendarConfig;
import org.hotline.domain.config.Closure;
import org.hotline.domain.config.HalfDay;
import org.hotline.domain.config.Holiday;
import org.hotline.domain.config.MakeUpDay;
import org.hotline.domain.config.TimeRange;

/**
 * The organisation's working calendar in one IANA zone: which dates are working days, which
 * {@link Period} an instant falls in, when the office next opens, and the working intervals
 * of a date as instants.
 *
 * <p>The hours of a date, by precedence: a half day's hours; a make-up day's hours; none on a
 * holiday; otherwise the weekly office hours of its weekday. Closures are then cut out of
 * those hours. A <em>working day</em> is a date with some working time left. The lunch window
 * applies on a working day whose hours span it (first opening before or at its start, last
 * closing after or at its end); lunch is never working time. Wall-clock times become instants
 * by the DST rule of {@link WallClock}.
 *
 * <p>Periods: in a closure, or on a date that is not a working day: {@link Period#CLOSED};
 * in a working interval: {@link Period#OFFICE}; in the lunch window: {@link Period#LUNCH};
 * otherwise (before opening, between ranges, after closing): {@link Period#AFTER_HOURS}.
 *
 * <p>Immutable and thread-safe; per-date results are cached (bounded).
 */
public final class WorkingCalendar {
    /** How far ahead searches for working time go before giving up (about ten years). */
    static final int SEARCH_DAYS = 3660;
    private static final int CACHE_LIMIT = 8192;

    private final CalendarConfig config;
    private final WallClock clock;
    private final Map<LocalDate, HalfDay> halfDays = new HashMap<>();
    private final Map<LocalDate, MakeUpDay> makeUpDays = new HashMap<>();
    private final List<Holiday> holidays;
    private final List<Interval> closures = new ArrayList<>();
    private final Duration standardDayLength;
    private final Map<LocalDate, Day> cache = new ConcurrentHashMap<>();

    /** What the calendar knows about one date. */
    private record Day(List<Interval> working, Optional<Interval> lunch) {}

    /**
     * @throws IllegalArgumentException when a day's ranges are inverted or overlap, or a closure
     *     is inverted (run {@link org.hotline.domain.validation.ConfigValidator} first for messages with paths)
     */
    public WorkingCalendar(CalendarConfig config, ZoneId zone) {
        this.config = config;
        this.clock = new WallClock(zone);
        config.officeHours().forEach((day, ranges) -> requireValid(ranges, "office hours of " + day));
        config.lunch().ifPresent(l -> requireValid(List.of(l), "lunch"));
        for (HalfDay h : config.halfDays()) {
            requireValid(h.hours(), "half day " + h.date());
            halfDays.put(h.date(), h);
        }
        for (MakeUpDay m : config.makeUpDays()) {
            requireValid(m.hoursIn(config), "make-up day " + m.date());
            makeUpDays.put(m.date(), m);
        }
        this.holidays = config.allHolidays();
        for (Closure c : config.closures()) {
            if (!c.from().isBefore(c.to())) {
                throw new IllegalArgumentException("closure " + c.from() + " to " + c.to() + " is inverted");
            }
            Instant from = clock.toInstant(c.from());
            Instant to = clock.toInstant(c.to());
            if (from.isBefore(to)) {
                closures.add(new Interval(from, to));
            }
        }
        closures.sort(Comparator.comparing(Interval::start));
        this.standardDayLength = computeStandardDayLength(config);
    }

    private static void requireValid(List<TimeRange> ranges, String what) {
        List<TimeRange> sorted = sorted(ranges);
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).isInverted()) {
                throw new IllegalArgumentException(what + ": range " + sorted.get(i) + " is inverted or empty");
            }
            if (i > 0 && sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException(what + ": ranges " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
    }

    private static List<TimeRange> sorted(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::start));
        return sorted;
    }

    private static Duration computeStandardDayLength(CalendarConfig config) {
        Duration longest = Duration.ZERO;
        for (DayOfWeek d : DayOfWeek.values()) {
            Duration total = config.officeHoursOn(d).stream().map(TimeRange::length).reduce(Duration.ZERO, Duration::plus);
            if (total.compareTo(longest) > 0) {
                longest = total;
            }
        }
        return longest;
    }

    public ZoneId zone() {
        return clock.zone();
    }

    /** The wall clock (DST rule) of this calendar's zone. */
    public WallClock wallClock() {
        return clock;
    }

    /**
     * The length of a standard working day: the longest total of weekly office hours of any
     * weekday (7h30 for 08:30-12:00 + 13:30-17:30). One "working day" of a deadline is this much
     * working time. Zero when no weekday has office hours.
     */
    public Duration standardDayLength() {
        return standardDayLength;
    }

    /** The configured local hours of {@code date} before closures are cut out, sorted. */
    public List<TimeRange> hoursOn(LocalDate date) {
        HalfDay half = halfDays.get(date);
        if (half != null) {
            return sorted(half.hours());
        }
        MakeUpDay makeUp = makeUpDays.get(date);
        if (makeUp != null) {
            return sorted(makeUp.hoursIn(config));
        }
        if (holidayOn(date).isPresent()) {
            return List.of();
        }
        return sorted(config.officeHoursOn(date.getDayOfWeek()));
    }

    /** The holiday covering {@code date}, if any (a half or make-up day on it still has hours). */
    public Optional<Holiday> holidayOn(LocalDate date) {
        for (Holiday h : holidays) {
            if (h.contains(date)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code date} has working time (after closures are cut out). */
    public boolean isWorkingDay(LocalDate date) {
        return !day(date).working().isEmpty();
    }

    /**
     * The working intervals of {@code date} as instants, sorted, with closures cut out and
     * adjacent ranges merged. Empty on a day that is not a working day.
     */
    public List<Interval> workingIntervals(LocalDate date) {
        return day(date).working();
    }

    /** The lunch window of {@code date} as an interval, when it applies on that date. */
    public Optional<Interval> lunchOn(LocalDate date) {
        return day(date).lunch();
    }

    /** Which period {@code at} falls in (see the class comment). */
    public Period periodAt(Instant at) {
        if (inClosure(at)) {
            return Period.CLOSED;
        }
        Day day = day(clock.dateOf(at));
        if (day.working().isEmpty()) {
            return Period.CLOSED;
        }
        for (Interval i : day.working()) {
            if (i.contains(at)) {
                return Period.OFFICE;
            }
        }
        if (day.lunch().isPresent() && day.lunch().get().contains(at)) {
            return Period.LUNCH;
        }
        return Period.AFTER_HOURS;
    }

    /** Whether {@code at} is working time (in a working interval). */
    public boolean isWorkingTime(Instant at) {
        for (Interval i : day(clock.dateOf(at)).working()) {
            if (i.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The start of the first working interval that starts at or after {@code at}: when the
     * office next opens (inside office hours, the next opening after the current interval).
     * Empty when there is no working time in the next ten years.
     */
    public Optional<Instant> nextOpening(Instant at) {
        LocalDate date = clock.dateOf(at);
        for (int n = 0; n < SEARCH_DAYS; n++) {
            for (Interval i : day(date.plusDays(n)).working()) {
                if (!i.start().isBefore(at)) {
                    return Optional.of(i.start());
                }
            }
        }
        return Optional.empty();
    }

    /** The first working day after {@code date}, if any in the next ten years. */
    public Optional<LocalDate> nextWorkingDay(LocalDate date) {
        for (int n = 1; n <= SEARCH_DAYS; n++) {
            LocalDate d = date.plusDays(n);
            if (isWorkingDay(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The instant reached by counting {@code amount} of working time from {@code from}: time
     * outside working intervals is skipped; counting starts at the next opening when
     * {@code from} is outside working time. A result on the boundary between two intervals is
     * the end of the earlier one. Adding a then b equals adding a + b.
     *
     * @throws IllegalArgumentException when {@code amount} is negative
     * @throws IllegalStateException when the calendar has too little working time ahead
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        Duration left = amount;
        LocalDate date = clock.dateOf(from);
        for (int n = 0; n < SEARCH_DAYS; n++) {
            for (Interval i : day(date.plusDays(n)).working()) {
                if (!i.end().isAfter(from)) {
                    continue;
                }
                Instant begin = i.start().isAfter(from) ? i.start() : from;
                Duration available = Duration.between(begin, i.end());
                if (left.compareTo(available) <= 0) {
                    return begin.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("the working calendar has less than " + amount
                + " of working time in the ten years after " + from + "; check calendar.office-hours");
    }

    /**
     * The working day on which counting from {@code at} starts: the date of {@code at} if it is
     * a working day whose last working interval ends after {@code at}, otherwise the next
     * working day.
     *
     * @throws IllegalStateException when there is no working day in the next ten years
     */
    public LocalDate workingDayOf(Instant at) {
        LocalDate date = clock.dateOf(at);
        List<Interval> working = workingIntervals(date);
        if (!working.isEmpty() && working.get(working.size() - 1).end().isAfter(at)) {
            return date;
        }
        return nextWorkingDay(date).orElseThrow(() -> new IllegalStateException(
                "no working day in the ten years after " + date + "; check calendar.office-hours"));
    }

    /** The end of the last working interval of a working day {@code date}. */
    public Instant endOfWorkingDay(LocalDate date) {
        List<Interval> working = workingIntervals(date);
        if (working.isEmpty()) {
            throw new IllegalArgumentException(date + " is not a working day");
        }
        return working.get(working.size() - 1).end();
    }

    private boolean inClosure(Instant at) {
        for (Interval c : closures) {
            if (c.start().isAfter(at)) {
                return false;
            }
            if (c.contains(at)) {
                return true;
            }
        }
        return false;
    }

    private Day day(LocalDate date) {
        Day day = cache.get(date);
        if (day == null) {
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            day = compute(date);
            cache.put(date, day);
        }
        return day;
    }

    private Day compute(LocalDate date) {
        List<TimeRange> hours = hoursOn(date);
        List<Interval> working = new ArrayList<>();
        for (TimeRange r : hours) {
            Instant start = clock.toInstant(date, r.start());
            Instant end = clock.toInstant(date, r.end());
            if (start.isBefore(end)) {
                cutClosures(start, end, working);
            }
        }
        List<Interval> merged = new ArrayList<>();
        for (Interval i : working) {
            if (!merged.isEmpty() && !merged.get(merged.size() - 1).end().isBefore(i.start())) {
                Interval last = merged.remove(merged.size() - 1);
                merged.add(new Interval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
            } else {
                merged.add(i);
            }
        }
        Optional<Interval> lunch = Optional.empty();
        if (!merged.isEmpty() && config.lunch().isPresent()) {
            TimeRange l = config.lunch().get();
            if (!hours.get(0).start().isAfter(l.start()) && !hours.get(hours.size() - 1).end().isBefore(l.end())) {
                Instant start = clock.toInstant(date, l.start());
                Instant end = clock.toInstant(date, l.end());
                if (start.isBefore(end)) {
                    lunch = Optional.of(new Interval(start, end));
                }
            }
        }
        return new Day(List.copyOf(merged), lunch);
    }

    /** Adds {@code [start, end)} minus every closure to {@code out}, in order. */
    private void cutClosures(Instant start, Instant end, List<Interval> out) {
        Instant cursor = start;
        for (Interval c : closures) {
            if (!c.end().isAfter(cursor) || !c.start().isBefore(end)) {
                continue;
            }
            if (c.start().isAfter(cursor)) {
                out.add(new Interval(cursor, c.start()));
            }
            cursor = c.end();
            if (!cursor.isBefore(end)) {
                return;
            }
        }
        out.add(new Interval(cursor, end));
    }
}
