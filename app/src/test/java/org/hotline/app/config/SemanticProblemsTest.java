package org.hotline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hotline.app.config.ExampleConfig.line;
import static org.hotline.app.config.ExampleConfig.replace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems found by the routing module's validator, located by the loader at the line of their
 * path (or of the nearest ancestor the file has).
 */
class SemanticProblemsTest {
    private static final String EXAMPLE = ExampleConfig.text();

    @TempDir
    Path dir;

    private List<String> problems(String text) throws Exception {
        return problems(text, ExampleConfig.CLOCK);
    }

    private List<String> problems(String text, Clock clock) throws Exception {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, text);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new HotlineConfigLoader(clock).load(file));
        assertThat(e).as("loading must fail").isNotNull();
        return e.errors().stream().map(ConfigError::render).map(s -> s.replace(dir + "/", "")).toList();
    }

    @Test
    void overlappingOfficeHoursAreRefused() throws Exception {
        String text = replace(EXAMPLE, "wednesday: [\"08:30-12:00\", \"13:30-17:30\"]",
                "wednesday: [\"08:30-12:00\", \"11:30-17:30\"]");
        assertThat(problems(text)).containsExactly(
                "hotline.yaml:" + line(text, "wednesday: [") + ": calendar.office-hours.wednesday[1]: range 11:30-17:30 "
                        + "overlaps calendar.office-hours.wednesday[0] (08:30-12:00)",
                "hotline.yaml:" + line(text, "lunch: \"12:00") + ": calendar.lunch: lunch 12:00-13:30 overlaps the "
                        + "office hours of wednesday (11:30-17:30); the lunch window must lie between office ranges");
    }

    @Test
    void anUnknownPersonInTheRosterIsRefused() throws Exception {
        String text = replace(EXAMPLE, "tuesday:   { duty: [li, chen],   lunch: [qian, zhao] }",
                "tuesday:   { duty: [li, chan],   lunch: [qian, zhao] }");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "[li, chan]") + ": "
                + "rosters.main.rotation.weeks[0].tuesday.duty[1]: unknown person \"chan\"; people: "
                + "wang, li, zhao, qian, chen, sun");
    }

    @Test
    void anUnknownPersonInAnOverrideIsRefused() throws Exception {
        String text = replace(EXAMPLE, "duty: [sun, li], note:", "duty: [sunny, li], note:");
        assertThat(problems(text)).singleElement().asString().startsWith("hotline.yaml:" + line(text, "sunny")
                + ": rosters.main.overrides[0].duty[0]: unknown person \"sunny\"");
    }

    @Test
    void aDutyDayWithoutManagerAInTheNext14DaysIsRefused() throws Exception {
        String text = replace(EXAMPLE, "          sunday:    { duty: [wang, chen] }\n", "");
        // 2026-11-23 is the Monday of week 0: its Sunday 2026-11-29 is in the next 14 days.
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "- monday:    { duty: [wang, li]")
                + ": rosters.main.rotation.weeks[0].sunday.duty: no duty manager A on 2026-11-29, which has "
                + "after-hours or closed time: calls would reach nobody. Name a duty person here or add an "
                + "override for the date");
    }

    @Test
    void theFourteenDaysCountFromTheInjectedClock() throws Exception {
        String text = replace(EXAMPLE, "          sunday:    { duty: [wang, chen] }\n", "");
        // Sunday duty was left out of week 0 only; an override fills the one Sunday of week 0
        // in the 14 days from 2026-11-30 (week 1 Monday): 2026-12-13.
        text = replace(text, "    overrides:\n", "    overrides:\n      - { date: 2026-12-13, duty: [li] }\n");
        Clock monday = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, text);
        assertThat(new HotlineConfigLoader(monday).load(file).hotline().rosters()).hasSize(1);
        assertThat(problems(text, ExampleConfig.CLOCK)).singleElement().asString()
                .contains("no duty manager A on 2026-11-29");
    }

    @Test
    void anUnknownRosterOnALineIsRefused() throws Exception {
        String text = replace(EXAMPLE, "    roster: main\n    queue: hotline-service",
                "    roster: night\n    queue: hotline-service");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "roster: night") + ": "
                + "lines[1].roster: unknown roster \"night\"; rosters: main");
    }

    @Test
    void anUnknownDeadlinePolicyIsRefused() throws Exception {
        String text = replace(EXAMPLE, "      urgent: urgent\n    # Recorded prompts", "      urgent: urgnet\n    # Recorded prompts");
        assertThat(problems(text)).singleElement().asString().startsWith("hotline.yaml:" + line(text, "urgnet")
                + ": lines[0].deadlines.urgent: unknown deadline policy \"urgnet\"");
    }

    @Test
    void aNumberOnTwoLinesIsRefused() throws Exception {
        String text = replace(EXAMPLE, "numbers: [\"4008005678\"]", "numbers: [\"4008005678\", \"88001234\"]");
        assertThat(problems(text)).singleElement().asString().startsWith("hotline.yaml:"
                + line(text, "numbers: [\"4008005678\"") + ": lines[1].numbers[1]: \"88001234\" is already a number at ");
    }

    @Test
    void lunchOverlappingOfficeHoursIsRefused() throws Exception {
        String text = replace(EXAMPLE, "lunch: \"12:00-13:30\"", "lunch: \"11:30-13:30\"");
        List<String> problems = problems(text);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("hotline.yaml:" + line(text, "lunch: \"11:30")
                + ": calendar.lunch: lunch 11:30-13:30 overlaps the office hours of monday (08:30-12:00)"));
        assertThat(problems).contains("hotline.yaml:" + line(text, "{ date: 2026-12-31, hours:") + ": "
                + "calendar.half-days[0].hours[0]: range 08:30-12:00 overlaps the lunch window 11:30-13:30");
    }

    @Test
    void semanticProblemsAreReportedAllAtOnce() throws Exception {
        String text = replace(EXAMPLE, "tuesday:   { duty: [li, chen],   lunch: [qian, zhao] }",
                "tuesday:   { duty: [li, chan],   lunch: [qian, zhao] }");
        text = replace(text, "    roster: main\n    queue: hotline-service", "    roster: night\n    queue: hotline-service");
        assertThat(problems(text)).hasSize(2);
    }
}
