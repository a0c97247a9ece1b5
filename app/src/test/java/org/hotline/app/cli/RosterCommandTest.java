package org.hotline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code roster} on the shipped example (2026-12-21 is the Monday of rotation week 0). */
class RosterCommandTest {

    @Test
    void printsEachDutyDayWithItsPeopleAndTheOverride() {
        Cli.Result result = Cli.run("roster", "--from", "2026-12-24", "--days", "2");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("from").asText()).isEqualTo("2026-12-24");
        assertThat(json.get("days").asInt()).isEqualTo(2);
        assertThat(json.get("zone").asText()).isEqualTo("Asia/Shanghai");
        JsonNode days = json.get("dutyDays");
        assertThat(days).hasSize(2);

        JsonNode thursday = days.get(0);
        assertThat(thursday.get("date").asText()).isEqualTo("2026-12-24");
        assertThat(thursday.get("roster").asText()).isEqualTo("main");
        assertThat(thursday.get("start").asText()).isEqualTo("2026-12-24T08:30:00+08:00");
        assertThat(thursday.get("end").asText()).isEqualTo("2026-12-25T08:30:00+08:00");
        assertThat(thursday.get("rotationWeek").asInt()).isZero();
        assertThat(thursday.get("duty").toString()).isEqualTo("{\"a\":{\"id\":\"wang\",\"name\":\"Wang Lei\","
                + "\"number\":\"13800000001\"},\"b\":{\"id\":\"chen\",\"name\":\"Chen Jing\",\"number\":\"13800000005\"}}");
        assertThat(thursday.get("lunch").get("a").get("id").asText()).isEqualTo("sun");
        assertThat(thursday.get("lunch").get("b").get("id").asText()).isEqualTo("qian");
        assertThat(thursday.get("override").isNull()).isTrue();

        JsonNode friday = days.get(1);
        assertThat(friday.get("duty").get("a").get("id").asText()).isEqualTo("sun");
        assertThat(friday.get("duty").get("b").get("id").asText()).isEqualTo("li");
        assertThat(friday.get("override").asText()).isEqualTo("Wang on leave; Sun swaps in");
        assertThat(json.get("gaps")).isEmpty();
    }

    @Test
    void weekendsHaveNoLunchSlotsAndThatIsNoGap() {
        JsonNode json = Cli.run("roster", "--from", "2026-11-28", "--days", "1").json();

        JsonNode saturday = json.get("dutyDays").get(0);
        assertThat(saturday.get("duty").get("a").get("id").asText()).isEqualTo("chen");
        assertThat(saturday.get("lunch").get("a").isNull()).isTrue();
        assertThat(json.get("gaps")).isEmpty();
    }

    @Test
    void slotsWithNobodyAreListedAsGaps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("hotline.yaml");
        java.nio.file.Files.writeString(file, org.hotline.app.config.ExampleConfig.replace(
                org.hotline.app.config.ExampleConfig.text(),
                "tuesday:   { duty: [li, chen],   lunch: [qian, zhao] }", "tuesday:   { duty: [li], lunch: [] }"));

        JsonNode json = Cli.run("roster", "--config", file.toString(), "--from", "2026-11-23", "--days", "3").json();

        assertThat(json.get("gaps").toString()).isEqualTo("["
                + "{\"date\":\"2026-11-24\",\"roster\":\"main\",\"role\":\"DUTY_B\",\"rotationWeek\":0},"
                + "{\"date\":\"2026-11-24\",\"roster\":\"main\",\"role\":\"LUNCH_A\",\"rotationWeek\":0},"
                + "{\"date\":\"2026-11-24\",\"roster\":\"main\",\"role\":\"LUNCH_B\",\"rotationWeek\":0}]");
        assertThat(json.get("dutyDays").get(1).get("duty").get("b").isNull()).isTrue();
    }

    @Test
    void theNumberOfDaysIsBounded() {
        Cli.Result result = Cli.run("roster", "--from", "2026-11-28", "--days", "1000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline roster: --days \"1000\" is not a whole number from 1 to 366");
    }

    @Test
    void theDateMustBeADate() {
        Cli.Result result = Cli.run("roster", "--from", "2026-02-30", "--days", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline roster: --from \"2026-02-30\" is not a date; expected YYYY-MM-DD");
    }
}
