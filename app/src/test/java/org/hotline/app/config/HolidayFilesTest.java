package org.hotline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hotline.app.config.ExampleConfig.line;
import static org.hotline.app.config.ExampleConfig.replace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hotline.domain.config.Holiday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calendar.holiday-files}: read relative to the configuration file, errors name the .ics line. */
class HolidayFilesTest {
    private static final String ICS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//holidays//EN\r
            BEGIN:VEVENT\r
            UID:dragon-boat-2026\r
            DTSTART;VALUE=DATE:20260619\r
            DTEND;VALUE=DATE:20260622\r
            SUMMARY:Dragon Boat Festival\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @TempDir
    Path dir;

    private final HotlineConfigLoader loader = new HotlineConfigLoader(ExampleConfig.CLOCK);

    private Path configWithHolidayFile(String path) throws Exception {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, replace(ExampleConfig.text(), "holiday-files: []", "holiday-files: [\"" + path + "\"]"));
        return file;
    }

    @Test
    void holidaysAreReadFromAFileNextToTheConfiguration() throws Exception {
        Files.createDirectories(dir.resolve("holidays"));
        Files.writeString(dir.resolve("holidays/cn-2026.ics"), ICS, StandardCharsets.UTF_8);

        LoadedConfig loaded = loader.load(configWithHolidayFile("holidays/cn-2026.ics"));

        assertThat(loaded.hotline().calendar().holidayFiles()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("holidays/cn-2026.ics");
            assertThat(f.holidays()).containsExactly(
                    new Holiday(LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 21), "Dragon Boat Festival"));
        });
        assertThat(loaded.hotline().calendar().allHolidays()).hasSize(5);
    }

    @Test
    void aBadIcsFileIsReportedAtItsOwnLine() throws Exception {
        Files.writeString(dir.resolve("bad.ics"), ICS.replace("DTSTART;VALUE=DATE:20260619", "DTSTART:20260619T090000"));
        Path config = configWithHolidayFile("bad.ics");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(config));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.source()).isEqualTo(dir.resolve("bad.ics").toString());
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.path()).isEqualTo("calendar.holiday-files[0]");
            assertThat(error.render()).startsWith(dir.resolve("bad.ics") + ":6: calendar.holiday-files[0]: ");
        });
    }

    @Test
    void aMissingIcsFileIsReportedAtTheConfigurationLine() throws Exception {
        Path config = configWithHolidayFile("missing.ics");
        String text = Files.readString(config);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(config));

        assertThat(e.errors()).extracting(ConfigError::render).containsExactly(config + ":"
                + line(text, "holiday-files: [") + ": calendar.holiday-files[0]: holiday file "
                + dir.resolve("missing.ics") + " does not exist; expected a path relative to the configuration file");
    }

    @Test
    void anIcsFileThatIsNotUtf8IsRefused() throws Exception {
        Files.write(dir.resolve("latin.ics"), ICS.replace("Dragon", "Dr\u00e4gon").getBytes(StandardCharsets.ISO_8859_1));
        Path config = configWithHolidayFile("latin.ics");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(config));

        assertThat(e.errors()).extracting(ConfigError::message).containsExactly(
                "holiday file " + dir.resolve("latin.ics") + " is not valid UTF-8; expected it saved as UTF-8");
    }

    @Test
    void theBuiltInExampleCannotNameHolidayFiles() {
        byte[] text = replace(ExampleConfig.text(), "holiday-files: []", "holiday-files: [x.ics]")
                .getBytes(StandardCharsets.UTF_8);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.load("built-in", text, java.util.Optional.empty()));

        assertThat(e.errors()).extracting(ConfigError::path).isEqualTo(List.of("calendar.holiday-files[0]"));
    }
}
