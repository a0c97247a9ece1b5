package org.hotline.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.config.DueRule;

/**
 * Computes due instants in working time.
 *
 * <h2>Semantics</h2>
 * Working time is the time inside the working intervals of {@link WorkingCalendar}: office
 * hours of working days, with holidays and closures removed and make-up days and half days
 * counted with their own hours. Lunch is not working time.
 * <ul>
 *   <li><b>Start outside working time</b> (before opening, at lunch, after hours, on a weekend,
 *       holiday or closure): counting starts at the next opening.</li>
 *   <li><b>N working hours</b>: the instant at which N hours of working time have passed since
 *       the start.</li>
 *   <li><b>N working days</b>: N times a <em>standard working day</em> of working time, where
 *       the standard working day is the longest weekday total of the weekly office hours
 *       (7h30 for 08:30-12:00 + 13:30-17:30). On ordinary days this is the same clock time N
 *       working days later (Monday 10:00 + 1 working day = Tuesday 10:00); a half day or a
 *       closure contributes only the working time it has, so it extends the deadline.
 *       Because both are counted on the same working-time clock, adding N then M working days
 *       (or hours) equals adding N + M, exactly.</li>
 *   <li><b>Half a working day</b> (0.5 working days): half a standard working day of working
 *       time (3h45 in the example: Monday 10:00 is due 15:15).</li>
 *   <li>A result that falls on the boundary between two working intervals is the end of the
 *       earlier one (Monday 08:30 + 1 working day = Monday 17:30, not Tuesday 08:30).</li>
 *   <li><b>Same working day</b>: the end of the last working interval of the working day on which
 *       counting starts (a start after the day's last closing counts from the next working day:
 *       Monday 18:00 is due Tuesday at closing).</li>
 *   <li><b>End of next working day</b>: the end of the working day after the one on which
 *       counting starts (Monday 10:00 is due Tuesday at closing; Monday 18:00, counting from
 *       Tuesday, is due Wednesday at closing).</li>
 *   <li><b>N days</b> (calendar days): the same wall-clock time N dates later, from the start
 *       itself (not moved to an opening); it may land in closed time. A wall-clock time that
 *       does not exist on the target date is the instant the clocks jump, a repeated one its
 *       first occurrence.</li>
 * </ul>
 * Every working-time result lies inside working time or at the end of a working interval, never
 * in closed time, and moves forward (never back) as the start moves forward.
 *
 * <p>Policy steps are counted from the ticket's acceptance, or from the <em>due</em> instant of
 * the earlier step named in {@code after}; {@code max} is counted from the same start as
 * {@code due}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeadlineCalculator {
    private final WorkingCalendar calendar;

    public DeadlineCalculator(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The due instant of {@code rule} counted from {@code start} (see the class comment).
     *
     * @throws IllegalStateException when the calendar has no working time to count in
     */
    public Instant due(Instant start, DueRule rule) {
        if (rule instanceof DueRule.WorkingDays days) {
            Duration standard = calendar.standardDayLength();
            if (standard.isZero()) {
                throw new IllegalStateException("cannot count working days: no weekday has office hours");
            }
            return calendar.plusWorkingTime(start, standard.multipliedBy(days.halfDays()).dividedBy(2));
        }
        if (rule instanceof DueRule.WorkingHours hours) {
            return calendar.plusWorkingTime(start, hours.duration());
        }
        if (rule instanceof DueRule.SameWorkingDay) {
            return calendar.endOfWorkingDay(calendar.workingDayOf(start));
        }
        if (rule instanceof DueRule.EndOfNextWorkingDay) {
            LocalDate first = calendar.workingDayOf(start);
            LocalDate next = calendar.nextWorkingDay(first).orElseThrow(() -> new IllegalStateException(
                    "no working day in the ten years after " + first + "; check calendar.office-hours"));
            return calendar.endOfWorkingDay(next);
        }
        DueRule.CalendarDays days = (DueRule.CalendarDays) rule;
        return calendar.wallClock().toInstant(calendar.wallClock().localOf(start).plusDays(days.days()));
    }

    /**
     * The deadline of every step of {@code policy} for a ticket accepted at {@code accepted},
     * in the policy's order.
     *
     * @throws IllegalArgumentException when a step's {@code after} names no earlier step
     */
    public List<StepDeadline> deadlines(Instant accepted, DeadlinePolicy policy) {
        List<StepDeadline> out = new ArrayList<>(policy.steps().size());
        Map<String, Instant> dueByStep = new HashMap<>();
        for (DeadlineStep step : policy.steps()) {
            Instant start = accepted;
            if (step.after().isPresent()) {
                start = dueByStep.get(step.after().get());
                if (start == null) {
                    throw new IllegalArgumentException("deadline policy " + policy.id() + ": step " + step.name()
                            + " is counted after \"" + step.after().get() + "\", which is not an earlier step");
                }
            }
            Instant due = due(start, step.due());
            Instant from = start;
            Optional<Instant> max = step.max().map(rule -> due(from, rule));
            dueByStep.putIfAbsent(step.name(), due);
            out.add(new StepDeadline(step.name(), start, due, max));
        }
        return out;
    }
}
