package org.hotline.domain.routing;

import org.hotline.domain.roster.DutyRole;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.calendar.Period;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DaySlots;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.LineHours;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.UrgentPath;
import org.hotline.domain.roster.DutyRoster;

/**
 * Decides who must answer a call on a line at an instant. The period is the line's: the office's
 * working calendar, or the line's own hours on it, or always open for a 24-hour line
 * ({@link LineHours}).
 *
 * <ul>
 *   <li>{@link Period#OFFICE}: {@link RoutingDecision.Queue} to the line's queue;</li>
 *   <li>{@link Period#LUNCH}: {@link RoutingDecision.Forward} to lunch duty A, then B;</li>
 *   <li>{@link Period#AFTER_HOURS} and {@link Period#CLOSED}: forward to duty manager A, then
 *       B, of the duty day the instant belongs to;</li>
 *   <li>an urgent call on a line whose urgent path is {@link UrgentPath#DUTY_MANAGER}: forward
 *       to duty A, then B, whatever the period (the decision still carries the period); when
 *       the duty slot is empty the call takes the normal path, so that in office hours it still
 *       reaches the queue;</li>
 *   <li>a slot with nobody on it: {@link RoutingDecision.Voicemail}.</li>
 * </ul>
 * Each target rings for the line's {@code ring-seconds} (a for A, b for B). Every decision's
 * {@link Fallback} has the line's voicemail box, the calendar's next opening after the call
 * and the ids of the duty day's duty managers (A, B) to notify. Numbers come only from
 * configuration.
 *
 * <p>Built once from a validated configuration; per-line data and every possible forward
 * target are precomputed, so {@link #decide} only looks things up. Immutable and thread-safe.
 */
public final class CallRouter {
    private final WorkingCalendar calendar;
    private final Map<String, LineRoute> routes = new LinkedHashMap<>();
    private final Map<String, LineConfig> linesByNumber = new HashMap<>();

    /** What {@link #decide} needs for one line. */
    private record LineRoute(LineConfig line, DutyRoster roster, Map<DutyRole, Map<String, ForwardTarget>> targets,
            LineClock clock) {}

    /** A line's hours: its period at an instant and when it next opens. */
    private interface LineClock {
        Period periodAt(Instant at);

        Optional<Instant> nextOpening(Instant at);

        static LineClock of(WorkingCalendar calendar) {
            return new LineClock() {
                @Override
                public Period periodAt(Instant at) {
                    return calendar.periodAt(at);
                }

                @Override
                public Optional<Instant> nextOpening(Instant at) {
                    return calendar.nextOpening(at);
                }
            };
        }

        /** A 24-hour line: always open, so it "opens" at once. */
        LineClock ALWAYS = new LineClock() {
            @Override
            public Period periodAt(Instant at) {
                return Period.OFFICE;
            }

            @Override
            public Optional<Instant> nextOpening(Instant at) {
                return Optional.of(at);
            }
        };
    }

    /** Builds the calendar from {@code config}. */
    public CallRouter(HotlineConfig config) {
        this(config, new WorkingCalendar(config.calendar(), config.zone()));
    }

    /**
     * @param calendar the working calendar of {@code config} (shared with other users)
     * @throws IllegalArgumentException when a line names an unknown roster, a roster an unknown
     *     person, or two lines share a number (run {@link org.hotline.domain.validation.ConfigValidator}
     *     first for messages with paths)
     */
    public CallRouter(HotlineConfig config, WorkingCalendar calendar) {
        this.calendar = calendar;
        Map<String, DutyRoster> rosters = new HashMap<>();
        for (RosterConfig r : config.rosters()) {
            rosters.put(r.id(), new DutyRoster(r, config.people(), calendar));
        }
        for (LineConfig line : config.lines()) {
            DutyRoster roster = rosters.get(line.roster());
            if (roster == null) {
                throw new IllegalArgumentException("line " + line.id() + " names unknown roster \"" + line.roster() + "\"");
            }
            Map<DutyRole, Map<String, ForwardTarget>> targets = new EnumMap<>(DutyRole.class);
            for (DutyRole role : DutyRole.values()) {
                int ring = role == DutyRole.DUTY_A || role == DutyRole.LUNCH_A ? line.ringSeconds().a() : line.ringSeconds().b();
                Map<String, ForwardTarget> byPerson = new HashMap<>();
                for (Person p : config.people()) {
                    byPerson.put(p.id(), new ForwardTarget(p.id(), p.name(), p.phone(), role, ring));
                }
                targets.put(role, byPerson);
            }
            routes.put(line.id(), new LineRoute(line, roster, targets, clock(line.hours(), config, calendar)));
            for (String number : line.numbers()) {
                LineConfig other = linesByNumber.put(number, line);
                if (other != null) {
                    throw new IllegalArgumentException("number " + number + " belongs to lines " + other.id() + " and " + line.id());
                }
            }
        }
    }

    private static LineClock clock(LineHours hours, HotlineConfig config, WorkingCalendar office) {
        if (hours instanceof LineHours.Always) {
            return LineClock.ALWAYS;
        }
        if (hours instanceof LineHours.Own own) {
            return LineClock.of(new WorkingCalendar(own.applyTo(config.calendar()), config.zone()));
        }
        return LineClock.of(office);
    }

    /** The line whose configured numbers include {@code dialled} (exact match). */
    public Optional<LineConfig> lineForNumber(String dialled) {
        return Optional.ofNullable(linesByNumber.get(dialled));
    }

    /** The working calendar decisions are made with. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * The duty roster covering line {@code lineId}.
     *
     * @throws UnknownLineException for an unknown line
     */
    public DutyRoster roster(String lineId) {
        return route(lineId).roster();
    }

    /** A non-urgent call: {@code decide(lineId, at, false)}. */
    public RoutingDecision decide(String lineId, Instant at) {
        return decide(lineId, at, false);
    }

    /**
     * Who must answer a call on {@code lineId} at {@code at} (see the class comment).
     *
     * @throws UnknownLineException for an unknown line, naming the configured ones
     */
    public RoutingDecision decide(String lineId, Instant at, boolean urgent) {
        LineRoute route = route(lineId);
        LineConfig line = route.line();
        Period period = route.clock().periodAt(at);
        DaySlots slots = route.roster().slotsOn(route.roster().dutyDayOf(at));
        Fallback fallback = new Fallback(line.voicemail(), route.clock().nextOpening(at),
                slots.duty().map(DutyPair::ids).orElse(List.of()));
        if (urgent && line.urgent() == UrgentPath.DUTY_MANAGER && slots.duty().isPresent()) {
            return forward(route, period, slots.duty(), DutyRole.DUTY_A, DutyRole.DUTY_B, fallback);
        }
        switch (period) {
            case OFFICE:
                return new RoutingDecision.Queue(period, line.queue(), fallback);
            case LUNCH:
                return forward(route, period, slots.lunch(), DutyRole.LUNCH_A, DutyRole.LUNCH_B, fallback);
            default:
                return forward(route, period, slots.duty(), DutyRole.DUTY_A, DutyRole.DUTY_B, fallback);
        }
    }

    private static RoutingDecision forward(LineRoute route, Period period, Optional<DutyPair> pair, DutyRole roleA,
            DutyRole roleB, Fallback fallback) {
        if (pair.isEmpty()) {
            return new RoutingDecision.Voicemail(period, fallback);
        }
        ForwardTarget a = route.targets().get(roleA).get(pair.get().a());
        Optional<String> b = pair.get().b();
        List<ForwardTarget> targets = b.isPresent() ? List.of(a, route.targets().get(roleB).get(b.get())) : List.of(a);
        return new RoutingDecision.Forward(period, targets, fallback);
    }

    private LineRoute route(String lineId) {
        LineRoute route = routes.get(lineId);
        if (route == null) {
            throw new UnknownLineException(lineId, List.copyOf(routes.keySet()));
        }
        return route;
    }
}
