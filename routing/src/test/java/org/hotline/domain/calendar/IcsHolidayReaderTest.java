package org.hotline.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.hotline.domain.config.Holiday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcsHolidayReaderTest {
    private final IcsHolidayReader reader = new IcsHolidayReader();

    @Test
    void readsAllDayEventsWithFoldingCrlfAndSkippedComponents() {
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//test//EN",
                "BEGIN:VTIMEZONE",
                "TZID:Asia/Shanghai",
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "END:STANDARD",
                "END:VTIMEZONE",
                "BEGIN:VEVENT",
                "UID:1",
                "DTSTART;VALUE=DATE:20260501",
                "DTEND;VALUE=DATE:20260506",
                "SUMMARY:Labour",
                "  Day\\, long weekend",
                "BEGIN:VALARM",
                "TRIGGER:-PT15M",
                "END:VALARM",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20260619",
                "SUMMARY:Dragon Boat",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "dtstart;value=date:20261225",
                "DURATION:P1W",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        assertThat(reader.read(ics)).containsExactly(
                new Holiday(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-05"), "Labour Day, long weekend"),
                Holiday.on(LocalDate.parse("2026-06-19"), "Dragon Boat"),
                new Holiday(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-31"), "holiday"));
    }

    @Test
    void acceptsLfLineEndingsAndAnEmptyCalendar() {
        assertThat(reader.read("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            VERSION:2.0\\nEND:VCALENDAR                                                                    | 1 | must start with BEGIN:VCALENDAR
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART:20260501T090000\\nEND:VEVENT\\nEND:VCALENDAR           | 3 | only all-day events are accepted
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260230\\nEND:VEVENT\\nEND:VCALENDAR       | 3 | invalid date
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260501\\nRRULE:FREQ=YEARLY\\nEND:VEVENT\\nEND:VCALENDAR | 4 | recurring events
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260501\\nEND:VCALENDAR                    | 4 | does not match BEGIN:VEVENT
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260501\\nEND:VEVENT                       | 4 | missing END:VCALENDAR
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:x\\nEND:VEVENT\\nEND:VCALENDAR                         | 2 | VEVENT without DTSTART
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260501\\nDTEND;VALUE=DATE:20260501\\nEND:VEVENT\\nEND:VCALENDAR | 5 | ends on or before its start
            BEGIN:VCALENDAR\\nthis is not a property\\nEND:VCALENDAR                                        | 2 | expected NAME:VALUE
            BEGIN:VCALENDAR\\nEND:VCALENDAR\\nBEGIN:VEVENT                                                  | 3 | content after END:VCALENDAR
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260501\\nDURATION:PT8H\\nEND:VEVENT\\nEND:VCALENDAR | 4 | whole days or weeks
            """)
    void refusesMalformedInputNamingTheLine(String text, int line, String problem) {
        String ics = text.replace("\\n", "\n");
        assertThatThrownBy(() -> reader.read(ics))
                .isInstanceOfSatisfying(IcsFormatException.class, e -> assertThat(e.lineNumber()).isEqualTo(line))
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void aFoldedLineReportsTheLineWhereItStarts() {
        String ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026\n 0501T1000\nEND:VEVENT\nEND:VCALENDAR\n";
        assertThatThrownBy(() -> reader.read(ics)).hasMessageStartingWith("line 3: only all-day events");
    }
}
