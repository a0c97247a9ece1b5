package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A weekend day declared a working day (to bridge a holiday). Its hours are {@code hours}
 * when given (non-empty), otherwise the office hours of {@code like} (default Monday).
 * Giving both is reported by {@link ConfigValidator}.
 */
public record MakeUpDay(LocalDate date, Optional<DayOfWeek> like, List<TimeRange> hours, String name) {
    public MakeUpDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(like, "like");
        hours = List.copyOf(hours);
        Objects.requireNonNull(name, "name");
    }

    /** The hours this day has, given the weekly office hours of {@code calendar}. */
    public List<TimeRange> hoursIn(CalendarConfig calendar) {
        if (!hours.isEmpty()) {
            return hours;
        }
        return calendar.officeHoursOn(like.orElse(DayOfWeek.MONDAY));
    }
}
