package org.hotline.domain.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a deadline step is due, counted from its start. The meaning of each rule in working
 * time is defined by {@link org.hotline.domain.deadline.DeadlineCalculator}.
 *
 * <p>Text forms ({@link #parse}): {@code "N working days"} (N a positive multiple of 0.5,
 * {@code "1 working day"}), {@code "N working hours"} (N positive, whole minutes),
 * {@code "same working day"}, {@code "end of next working day"}, {@code "N days"}
 * (calendar days, N a positive integer).
 */
public sealed interface DueRule {

    /** The accepted text forms, for error messages. */
    String ACCEPTED_FORMS = "\"N working days\" (N a positive multiple of 0.5, e.g. \"0.5 working days\", "
            + "\"1 working day\"), \"N working hours\" (e.g. \"4 working hours\"), \"same working day\", "
            + "\"end of next working day\", \"N days\" (calendar days, e.g. \"3 days\")";

    /** {@code halfDays / 2} working days; {@code halfDays} is positive. */
    record WorkingDays(int halfDays) implements DueRule {
        public WorkingDays {
            if (halfDays <= 0) {
                throw new IllegalArgumentException("working days must be positive, got " + halfDays + " half days");
            }
        }

        /** The number of working days, e.g. 0.5 or 2. */
        public BigDecimal days() {
            return BigDecimal.valueOf(halfDays).divide(BigDecimal.valueOf(2)).stripTrailingZeros();
        }

        @Override
        public String toString() {
            String n = days().toPlainString();
            return n + (halfDays == 2 ? " working day" : " working days");
        }
    }

    /** A positive amount of working time. */
    record WorkingHours(Duration duration) implements DueRule {
        public WorkingHours {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("working hours must be positive, got " + duration);
            }
        }

        @Override
        public String toString() {
            BigDecimal hours = BigDecimal.valueOf(duration.toMinutes())
                    .divide(BigDecimal.valueOf(60), 6, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
            return hours.toPlainString() + (duration.equals(Duration.ofHours(1)) ? " working hour" : " working hours");
        }
    }

    /** The end of the working day on which counting starts. */
    record SameWorkingDay() implements DueRule {
        @Override
        public String toString() {
            return "same working day";
        }
    }

    /** The end of the working day after the one on which counting starts. */
    record EndOfNextWorkingDay() implements DueRule {
        @Override
        public String toString() {
            return "end of next working day";
        }
    }

    /** A positive number of calendar days (same wall-clock time, N dates later). */
    record CalendarDays(int days) implements DueRule {
        public CalendarDays {
            if (days <= 0) {
                throw new IllegalArgumentException("calendar days must be positive, got " + days);
            }
        }

        @Override
        public String toString() {
            return days + (days == 1 ? " day" : " days");
        }
    }

    /**
     * Parses a due rule as written in the YAML (case and extra spaces are ignored).
     *
     * @throws IllegalArgumentException listing the accepted forms when {@code text} is not one
     */
    static DueRule parse(String text) {
        String t = text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (t.equals("same working day")) {
            return new SameWorkingDay();
        }
        if (t.equals("end of next working day")) {
            return new EndOfNextWorkingDay();
        }
        Matcher m = Forms.WORKING_DAYS.matcher(t);
        if (m.matches()) {
            BigDecimal half = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2));
            if (half.signum() <= 0 || half.stripTrailingZeros().scale() > 0 || half.compareTo(BigDecimal.valueOf(20000)) > 0) {
                throw new IllegalArgumentException("working days must be a positive multiple of 0.5 (at most 10000), got \""
                        + text + "\"; accepted forms: " + ACCEPTED_FORMS);
            }
            return new WorkingDays(half.intValueExact());
        }
        m = Forms.WORKING_HOURS.matcher(t);
        if (m.matches()) {
            BigDecimal minutes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(60));
            if (minutes.signum() <= 0 || minutes.stripTrailingZeros().scale() > 0
                    || minutes.compareTo(BigDecimal.valueOf(60L * 100000)) > 0) {
                throw new IllegalArgumentException("working hours must be positive whole minutes (at most 100000 hours), got \""
                        + text + "\"; accepted forms: " + ACCEPTED_FORMS);
            }
            return new WorkingHours(Duration.ofMinutes(minutes.longValueExact()));
        }
        m = Forms.CALENDAR_DAYS.matcher(t);
        if (m.matches()) {
            int days;
            try {
                days = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days <= 0 || days > 100000) {
                throw new IllegalArgumentException("calendar days must be a positive whole number (at most 100000), got \""
                        + text + "\"; accepted forms: " + ACCEPTED_FORMS);
            }
            return new CalendarDays(days);
        }
        throw new IllegalArgumentException("unrecognised due rule \"" + text + "\"; accepted forms: " + ACCEPTED_FORMS);
    }

    /** The text form, as {@link #parse} accepts it. */
    @Override
    String toString();
}

/** The regular expressions of {@link DueRule#parse}, kept out of the public interface. */
final class Forms {
    static final Pattern WORKING_DAYS = Pattern.compile("(\\d+(?:\\.\\d+)?) working days?");
    static final Pattern WORKING_HOURS = Pattern.compile("(\\d+(?:\\.\\d+)?) working hours?");
    static final Pattern CALENDAR_DAYS = Pattern.compile("(\\d+) (?:calendar )?days?");

    private Forms() {}
}
