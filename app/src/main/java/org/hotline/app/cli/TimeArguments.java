package org.hotline.app.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the date and time options of the commands ({@code --at}, {@code --from}). */
final class TimeArguments {
    /** A local date-time followed by a zone and no offset, which ISO_DATE_TIME does not accept. */
    private static final Pattern LOCAL_WITH_ZONE = Pattern.compile("([0-9T:.-]+)\\[([^\\]]+)\\]");

    private TimeArguments() {}

    /**
     * An instant written ISO-8601 with an offset ({@code 2026-11-24T20:00+08:00},
     * {@code 2026-11-24T12:00:00Z}), with a zone ({@code 2026-11-24T20:00[Asia/Shanghai]}), or as
     * a local date-time ({@code 2026-11-24T20:00}) read in {@code zone}. A local time that a DST
     * change skips is moved forward by the gap; one that occurs twice is the earlier instant.
     */
    static Instant instant(String option, String text, ZoneId zone) throws UsageException {
        Matcher zoned = LOCAL_WITH_ZONE.matcher(text.trim());
        if (zoned.matches()) {
            try {
                return LocalDateTime.parse(zoned.group(1)).atZone(ZoneId.of(zoned.group(2))).toInstant();
            } catch (DateTimeException e) {
                throw UsageException.usage("--" + option + " " + Text.quote(text) + " is not a valid date-time in "
                        + "a zone: " + e.getMessage());
            }
        }
        TemporalAccessor parsed;
        try {
            parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw UsageException.usage("--" + option + " " + Text.quote(text) + " is not an ISO-8601 date-time; "
                    + "expected e.g. 2026-11-24T20:00+08:00, 2026-11-24T20:00[Asia/Shanghai] or 2026-11-24T20:00 "
                    + "(in the configuration's zone)");
        }
        try {
            LocalDateTime local = LocalDateTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).toInstant();
            }
            ZoneId given = parsed.query(TemporalQueries.zoneId());
            return local.atZone(given != null ? given : zone).toInstant();
        } catch (DateTimeException e) {
            throw UsageException.usage("--" + option + " " + Text.quote(text) + " is not a valid date-time: "
                    + e.getMessage());
        }
    }

    /** A date written YYYY-MM-DD. */
    static LocalDate date(String option, String text) throws UsageException {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw UsageException.usage("--" + option + " " + Text.quote(text) + " is not a date; expected YYYY-MM-DD");
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    static int count(String option, String text, int min, int max) throws UsageException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UsageException.usage("--" + option + " " + Text.quote(text) + " is not a whole number from " + min
                + " to " + max);
    }
}
