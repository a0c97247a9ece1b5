package org.hotline.app.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.domain.config.CalendarConfig;
import org.hotline.domain.config.Closure;
import org.hotline.domain.config.HalfDay;
import org.hotline.domain.config.Holiday;
import org.hotline.domain.config.HolidayFile;
import org.hotline.domain.config.MakeUpDay;
import org.hotline.domain.config.TimeRange;

/**
 * Reads the {@code calendar} section into {@link CalendarConfig}. Holiday files are read through
 * {@code holidayFiles}, which does the I/O relative to the configuration file. Stateless apart
 * from that collaborator.
 */
final class CalendarSectionReader {
    static final Map<String, DayOfWeek> WEEKDAYS = Stream.of(DayOfWeek.values())
            .collect(Collectors.toUnmodifiableMap(d -> d.name().toLowerCase(Locale.ROOT), Function.identity()));

    /** Reads one entry of {@code holiday-files}: the node holds the path as written. */
    interface HolidayFiles {
        HolidayFile read(YamlNode pathNode);
    }

    private final HolidayFiles holidayFiles;

    CalendarSectionReader(HolidayFiles holidayFiles) {
        this.holidayFiles = holidayFiles;
    }

    CalendarConfig read(YamlNode node) {
        return node.fields(Set.of("office-hours", "lunch", "holidays", "holiday-files", "make-up-days",
                "half-days", "closures"), f -> new CalendarConfig(
                f.required("office-hours", CalendarSectionReader::officeHours),
                f.optional("lunch", CalendarSectionReader::range),
                f.optional("holidays", n -> n.list(CalendarSectionReader::holiday), List.of()),
                f.optional("holiday-files", n -> n.list(holidayFiles::read), List.of()),
                f.optional("make-up-days", n -> n.list(CalendarSectionReader::makeUpDay), List.of()),
                f.optional("half-days", n -> n.list(CalendarSectionReader::halfDay), List.of()),
                f.optional("closures", n -> n.list(CalendarSectionReader::closure), List.of())));
    }

    static TimeRange range(YamlNode node) {
        return node.timeRange(TimeRange::new);
    }

    static List<TimeRange> ranges(YamlNode node) {
        return node.list(CalendarSectionReader::range);
    }

    static DayOfWeek weekday(YamlNode node) {
        return WEEKDAYS.get(node.oneOf(WEEKDAYS.keySet()));
    }

    static Map<DayOfWeek, List<TimeRange>> officeHours(YamlNode node) {
        node.requireOnly(WEEKDAYS.keySet());
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        boolean failed = false;
        for (String day : node.keys()) {
            if (!WEEKDAYS.containsKey(day)) {
                failed = true;
                continue;
            }
            YamlNode ranges = node.get(day);
            try {
                hours.put(WEEKDAYS.get(day), ranges.isAbsent() ? List.of() : ranges(ranges));
            } catch (YamlNode.Invalid e) {
                failed = true;
            }
        }
        if (failed) {
            throw new YamlNode.Invalid();
        }
        return hours;
    }

    private static Holiday holiday(YamlNode node) {
        return node.fields(Set.of("date", "from", "to", "name"), f -> {
            Optional<LocalDate> date = f.optional("date", YamlNode::date);
            Optional<LocalDate> from = f.optional("from", YamlNode::date);
            Optional<LocalDate> to = f.optional("to", YamlNode::date);
            String name = f.optional("name", YamlNode::string, "Holiday");
            boolean single = !f.node("date").isAbsent();
            boolean range = !f.node("from").isAbsent() || !f.node("to").isAbsent();
            if (single == range) {
                f.fail(node, "expected either date (one day) or from and to (an inclusive range)");
                return null;
            }
            if (range && (f.node("from").isAbsent() || f.node("to").isAbsent())) {
                f.fail(node, "expected both from and to for a range of holidays");
                return null;
            }
            return single ? Holiday.on(date.orElseThrow(), name)
                    : new Holiday(from.orElseThrow(), to.orElseThrow(), name);
        });
    }

    private static MakeUpDay makeUpDay(YamlNode node) {
        return node.fields(Set.of("date", "like", "hours", "name"), f -> new MakeUpDay(
                f.required("date", YamlNode::date),
                f.optional("like", CalendarSectionReader::weekday),
                f.optional("hours", CalendarSectionReader::ranges, List.of()),
                f.optional("name", YamlNode::string, "Make-up working day")));
    }

    private static HalfDay halfDay(YamlNode node) {
        return node.fields(Set.of("date", "hours", "name"), f -> new HalfDay(
                f.required("date", YamlNode::date),
                f.required("hours", CalendarSectionReader::ranges),
                f.optional("name", YamlNode::string, "Half day")));
    }

    private static Closure closure(YamlNode node) {
        return node.fields(Set.of("from", "to", "reason"), f -> new Closure(
                f.required("from", YamlNode::dateTime),
                f.required("to", YamlNode::dateTime),
                f.optional("reason", YamlNode::string, "Closure")));
    }
}
