package org.hotline.domain.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.TimeRange;

/**
 * The hours in which a caller may be called back: the window's local hours on the working
 * calendar's working days (a holiday, a weekend or a closed day is never one; a make-up working
 * day is). The window is its own range of hours, not the office hours: a call-back at 19:00 on a
 * working day is fine where the office closes at 17:30. Immutable and thread-safe.
 */
public final class CallingWindow {
    private final WorkingCalendar calendar;
    private final TimeRange hours;

    public CallingWindow(WorkingCalendar calendar, TimeRange hours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.hours = Objects.requireNonNull(hours, "hours");
        if (!hours.start().isBefore(hours.end())) {
            throw new IllegalArgumentException("the calling window must start before it ends: " + hours);
        }
    }

    /** Whether a call may be placed at {@code at}. */
    public boolean contains(Instant at) {
        LocalDate date = calendar.wallClock().dateOf(at);
        if (!calendar.isWorkingDay(date)) {
            return false;
        }
        return !at.isBefore(start(date)) && at.isBefore(end(date));
    }

    /**
     * {@code at} itself when it is inside the window, otherwise the next opening of the window.
     *
     * @throws IllegalStateException when the calendar has no working day in the next ten years
     */
    public Instant nextInside(Instant at) {
        if (contains(at)) {
            return at;
        }
        LocalDate date = calendar.wallClock().dateOf(at);
        if (calendar.isWorkingDay(date) && at.isBefore(start(date))) {
            return start(date);
        }
        LocalDate next = calendar.nextWorkingDay(date).orElseThrow(() -> new IllegalStateException(
                "no working day in the ten years after " + date + "; check calendar.office-hours"));
        return start(next);
    }

    private Instant start(LocalDate date) {
        return calendar.wallClock().toInstant(date, hours.start());
    }

    private Instant end(LocalDate date) {
        LocalTime end = hours.end();
        return calendar.wallClock().toInstant(date, end);
    }
}
