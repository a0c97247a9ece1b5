package org.hotline.domain.config;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a line is open for its agents ({@code lines[].hours}). Most lines keep the office's hours
 * ({@link Office}). A 24-hour service line is {@link Always} open: its queue is answered at every
 * hour, weekends and holidays included. A line with hours of its own ({@link Own}) is routed by
 * its own weekly hours and lunch window on the organisation's calendar (its holidays, make-up days,
 * half days and closures still apply). Outside its hours a line falls back to the duty roster as
 * every line does. Deadlines are counted on the office's working calendar whatever the line's hours:
 * they measure the organisation's working time, not the line's.
 */
public sealed interface LineHours {

    /** The office's hours (the {@code calendar} section): the default. */
    record Office() implements LineHours {}

    /** Open at every hour of every day, holidays included ({@code hours: always}). */
    record Always() implements LineHours {}

    /**
     * The line's own weekly hours ({@code hours: {office-hours: ..., lunch: ...}}), in place of the
     * office's; an absent weekday is closed, as in {@code calendar.office-hours}.
     */
    record Own(Map<DayOfWeek, List<TimeRange>> officeHours, Optional<TimeRange> lunch) implements LineHours {
        public Own {
            EnumMap<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
            officeHours.forEach((day, ranges) -> hours.put(Objects.requireNonNull(day), List.copyOf(ranges)));
            officeHours = Collections.unmodifiableMap(hours);
            Objects.requireNonNull(lunch, "lunch");
        }

        /** The office calendar with this line's weekly hours and lunch in place of the office's. */
        public CalendarConfig applyTo(CalendarConfig office) {
            return new CalendarConfig(officeHours, lunch, office.holidays(), office.holidayFiles(), office.makeUpDays(),
                    office.halfDays(), office.closures());
        }

        /** The hours of {@code day}, empty when the line is closed that weekday. */
        public List<TimeRange> officeHoursOn(DayOfWeek day) {
            return officeHours.getOrDefault(day, List.of());
        }
    }

    static LineHours office() {
        return new Office();
    }

    static LineHours always() {
        return new Always();
    }
}
