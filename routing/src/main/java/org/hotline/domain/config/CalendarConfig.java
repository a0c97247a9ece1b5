package org.hotline.domain.config;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code calendar} section: weekly office hours (several ranges per day; a day absent or
 * empty is not a working day), the optional lunch window, holidays (inline and from
 * iCalendar files), make-up days, half days and closures. All times are local to the
 * configuration's zone.
 */
public record CalendarConfig(
        Map<DayOfWeek, List<TimeRange>> officeHours,
        Optional<TimeRange> lunch,
        List<Holiday> holidays,
        List<HolidayFile> holidayFiles,
        List<MakeUpDay> makeUpDays,
        List<HalfDay> halfDays,
        List<Closure> closures) {

    public CalendarConfig {
        EnumMap<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        officeHours.forEach((day, ranges) -> hours.put(Objects.requireNonNull(day), List.copyOf(ranges)));
        officeHours = Collections.unmodifiableMap(hours);
        Objects.requireNonNull(lunch, "lunch");
        holidays = List.copyOf(holidays);
        holidayFiles = List.copyOf(holidayFiles);
        makeUpDays = List.copyOf(makeUpDays);
        halfDays = List.copyOf(halfDays);
        closures = List.copyOf(closures);
    }

    /** The weekly office hours of {@code day}, empty when it is not a working weekday. */
    public List<TimeRange> officeHoursOn(DayOfWeek day) {
        return officeHours.getOrDefault(day, List.of());
    }

    /** The inline holidays followed by those of every holiday file, in order. */
    public List<Holiday> allHolidays() {
        List<Holiday> all = new ArrayList<>(holidays);
        holidayFiles.forEach(f -> all.addAll(f.holidays()));
        return List.copyOf(all);
    }
}
