package org.hotline.domain.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.domain.config.Holiday;

/**
 * Reads public holidays from iCalendar text (RFC 5545), strictly: every VEVENT must be an
 * all-day event ({@code DTSTART;VALUE=DATE:YYYYMMDD}); its end is {@code DTEND} (a date,
 * exclusive) or {@code DURATION} in days or weeks ({@code P2D}, {@code P1W}), one day when
 * neither is given; {@code SUMMARY} is the holiday's name. Folded lines (continuations starting
 * with a space or tab) are unfolded, CRLF and LF are both accepted, other components
 * (VTIMEZONE, VALARM, ...) and other properties are skipped. Recurring events (RRULE, RDATE)
 * are refused, as are timed events: a holiday file with them is probably the wrong file.
 *
 * <p>Takes the file's content, does no I/O. Stateless and thread-safe.
 */
public final class IcsHolidayReader {
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DURATION = Pattern.compile("P(\\d{1,4})([DW])");

    /** One unfolded content line. */
    private record ContentLine(int number, String name, String params, String value) {}

    /**
     * The holidays of every VEVENT in {@code content}, in file order.
     *
     * @throws IcsFormatException naming the line of the first problem
     */
    public List<Holiday> read(String content) {
        List<ContentLine> lines = unfold(content);
        if (lines.isEmpty() || !isBegin(lines.get(0), "VCALENDAR")) {
            throw new IcsFormatException(lines.isEmpty() ? 1 : lines.get(0).number(),
                    "an iCalendar file must start with BEGIN:VCALENDAR");
        }
        List<Holiday> holidays = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        EventBuilder event = null;
        int last = lines.get(lines.size() - 1).number();
        for (ContentLine line : lines) {
            if (open.isEmpty() && line != lines.get(0)) {
                throw new IcsFormatException(line.number(), "content after END:VCALENDAR");
            }
            if (line.name().equals("BEGIN")) {
                String component = line.value().toUpperCase(Locale.ROOT);
                if (component.equals("VEVENT") && open.size() == 1) {
                    event = new EventBuilder(line.number());
                }
                open.push(component);
                continue;
            }
            if (line.name().equals("END")) {
                String component = line.value().toUpperCase(Locale.ROOT);
                if (open.isEmpty() || !open.peek().equals(component)) {
                    throw new IcsFormatException(line.number(), "END:" + line.value() + " does not match "
                            + (open.isEmpty() ? "any BEGIN" : "BEGIN:" + open.peek()));
                }
                open.pop();
                if (component.equals("VEVENT") && open.size() == 1) {
                    holidays.add(event.build(line.number()));
                    event = null;
                }
                continue;
            }
            if (event != null && open.size() == 2) {
                event.accept(line);
            }
        }
        if (!open.isEmpty()) {
            throw new IcsFormatException(last, "missing END:" + open.peek());
        }
        return List.copyOf(holidays);
    }

    private static boolean isBegin(ContentLine line, String component) {
        return line.name().equals("BEGIN") && line.value().equalsIgnoreCase(component);
    }

    private static List<ContentLine> unfold(String content) {
        String[] physical = content.split("\r\n|\n|\r", -1);
        List<ContentLine> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t')) {
                if (current == null) {
                    throw new IcsFormatException(i + 1, "a continuation line (starting with a space) must follow a content line");
                }
                current.append(p, 1, p.length());
                continue;
            }
            if (current != null) {
                out.add(parse(start, current.toString()));
                current = null;
            }
            if (!p.isEmpty()) {
                current = new StringBuilder(p);
                start = i + 1;
            }
        }
        if (current != null) {
            out.add(parse(start, current.toString()));
        }
        return out;
    }

    /** Splits {@code NAME;PARAM=x;PARAM="a:b":VALUE} at the first colon outside quotes. */
    private static ContentLine parse(int number, String text) {
        boolean quoted = false;
        int colon = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            throw new IcsFormatException(number, "expected NAME:VALUE or NAME;PARAMS:VALUE, got \"" + abbreviate(text) + "\"");
        }
        String head = text.substring(0, colon);
        int semicolon = head.indexOf(';');
        String name = (semicolon < 0 ? head : head.substring(0, semicolon)).toUpperCase(Locale.ROOT);
        String params = semicolon < 0 ? "" : head.substring(semicolon + 1).toUpperCase(Locale.ROOT);
        if (!name.matches("[A-Z0-9-]+")) {
            throw new IcsFormatException(number, "invalid property name \"" + abbreviate(name) + "\"");
        }
        return new ContentLine(number, name, params, text.substring(colon + 1));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Collects the properties of one VEVENT. */
    private static final class EventBuilder {
        private final int beginLine;
        private LocalDate start;
        private LocalDate endExclusive;
        private String summary;

        EventBuilder(int beginLine) {
            this.beginLine = beginLine;
        }

        void accept(ContentLine line) {
            switch (line.name()) {
                case "DTSTART":
                    start = date(line, "DTSTART");
                    break;
                case "DTEND":
                    if (endExclusive != null) {
                        throw new IcsFormatException(line.number(), "an event may have DTEND or DURATION, not both");
                    }
                    endExclusive = date(line, "DTEND");
                    break;
                case "DURATION":
                    if (endExclusive != null) {
                        throw new IcsFormatException(line.number(), "an event may have DTEND or DURATION, not both");
                    }
                    if (start == null) {
                        throw new IcsFormatException(line.number(), "DURATION must come after DTSTART");
                    }
                    Matcher m = DURATION.matcher(line.value().trim().toUpperCase(Locale.ROOT));
                    if (!m.matches()) {
                        throw new IcsFormatException(line.number(),
                                "expected a DURATION in whole days or weeks (e.g. P1D, P2W), got \"" + line.value() + "\"");
                    }
                    int n = Integer.parseInt(m.group(1)) * (m.group(2).equals("W") ? 7 : 1);
                    endExclusive = start.plusDays(n);
                    break;
                case "SUMMARY":
                    summary = unescape(line.value());
                    break;
                case "RRULE":
                case "RDATE":
                    throw new IcsFormatException(line.number(),
                            "recurring events (" + line.name() + ") are not supported; list each holiday as its own VEVENT");
                default:
                    break;
            }
        }

        Holiday build(int endLine) {
            if (start == null) {
                throw new IcsFormatException(beginLine, "VEVENT without DTSTART (ends at line " + endLine + ")");
            }
            LocalDate end = endExclusive == null ? start.plusDays(1) : endExclusive;
            if (!end.isAfter(start)) {
                throw new IcsFormatException(endLine, "VEVENT starting " + start + " ends on or before its start (DTEND is exclusive)");
            }
            return new Holiday(start, end.minusDays(1), summary == null || summary.isBlank() ? "holiday" : summary);
        }

        private static LocalDate date(ContentLine line, String name) {
            String value = line.value().trim();
            if (!value.matches("\\d{8}") || !hasDateValue(line.params())) {
                throw new IcsFormatException(line.number(), "only all-day events are accepted: expected "
                        + name + ";VALUE=DATE:YYYYMMDD, got \"" + name + (line.params().isEmpty() ? "" : ";" + line.params())
                        + ":" + value + "\"");
            }
            try {
                return LocalDate.parse(value, BASIC_DATE);
            } catch (DateTimeParseException e) {
                throw new IcsFormatException(line.number(), "invalid date \"" + value + "\" in " + name);
            }
        }

        private static boolean hasDateValue(String params) {
            for (String p : params.split(";")) {
                if (p.equals("VALUE=DATE")) {
                    return true;
                }
            }
            return false;
        }

        private static String unescape(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    char n = text.charAt(++i);
                    out.append(n == 'n' || n == 'N' ? '\n' : n);
                } else {
                    out.append(c);
                }
            }
            return out.toString().trim();
        }
    }
}
