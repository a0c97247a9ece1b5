package org.hotline.domain.config;

import java.util.List;
import java.util.Objects;

/**
 * The holidays read from one iCalendar file named in {@code calendar.holiday-files}:
 * {@code path} as written in the YAML, {@code holidays} as read by
 * {@link org.hotline.domain.calendar.IcsHolidayReader}. The loader does the file I/O.
 */
public record HolidayFile(String path, List<Holiday> holidays) {
    public HolidayFile {
        Objects.requireNonNull(path, "path");
        holidays = List.copyOf(holidays);
    }
}
