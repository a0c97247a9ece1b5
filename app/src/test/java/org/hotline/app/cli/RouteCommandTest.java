package org.hotline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.app.config.ExampleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code route} on the shipped example. 2026-11-23 is the Monday of rotation week 0
 * (46 weeks after the anchor 2026-01-05), so Tuesday 2026-11-24 has duty [li, chen] and lunch
 * [qian, zhao]; Saturday 2026-11-28 has duty [chen, li]. Before 08:30 on Tuesday it is still Monday's
 * duty day (duty [wang, li]).
 */
class RouteCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} at {1} urgent={2}: {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            complaints | 2026-11-24T08:29          | false | AFTER_HOURS | FORWARD | 2026-11-24T08:29:00+08:00 | wang:DUTY_A:20,li:DUTY_B:20
            complaints | 2026-11-24T08:30          | false | OFFICE      | QUEUE   | 2026-11-24T08:30:00+08:00 | hotline-complaints
            complaints | 2026-11-24T11:59:59       | false | OFFICE      | QUEUE   | 2026-11-24T11:59:59+08:00 | hotline-complaints
            complaints | 2026-11-24T12:00          | false | LUNCH       | FORWARD | 2026-11-24T12:00:00+08:00 | qian:LUNCH_A:20,zhao:LUNCH_B:20
            complaints | 2026-11-24T13:30          | false | OFFICE      | QUEUE   | 2026-11-24T13:30:00+08:00 | hotline-complaints
            complaints | 2026-11-24T10:00          | true  | OFFICE      | FORWARD | 2026-11-24T10:00:00+08:00 | li:DUTY_A:20,chen:DUTY_B:20
            service    | 2026-11-24T20:00          | false | OFFICE      | QUEUE   | 2026-11-24T20:00:00+08:00 | hotline-service
            service    | 2026-11-25T02:00          | false | OFFICE      | QUEUE   | 2026-11-25T02:00:00+08:00 | hotline-service
            service    | 2026-11-25T02:00          | true  | OFFICE      | FORWARD | 2026-11-25T02:00:00+08:00 | li:DUTY_A:25,chen:DUTY_B:25
            complaints | 2026-11-28T10:00          | false | CLOSED      | FORWARD | 2026-11-28T10:00:00+08:00 | chen:DUTY_A:20,li:DUTY_B:20
            complaints | 2026-11-24T12:00:00Z      | false | AFTER_HOURS | FORWARD | 2026-11-24T20:00:00+08:00 | li:DUTY_A:20,chen:DUTY_B:20
            complaints | 2026-11-24T03:00+01:00    | false | OFFICE      | QUEUE   | 2026-11-24T10:00:00+08:00 | hotline-complaints
            complaints | 2026-11-24T03:00[Europe/Berlin] | false | OFFICE | QUEUE | 2026-11-24T10:00:00+08:00 | hotline-complaints
            """)
    void decidesFromTheConfiguration(String line, String at, boolean urgent, String period, String action,
            String printedAt, String who) {
        Cli.Result result = urgent ? Cli.run("route", "--line", line, "--at", at, "--urgent")
                : Cli.run("route", "--line", line, "--at", at);

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("line").asText()).isEqualTo(line);
        assertThat(json.get("at").asText()).isEqualTo(printedAt);
        assertThat(json.get("urgent").asBoolean()).isEqualTo(urgent);
        assertThat(json.get("period").asText()).isEqualTo(period);
        assertThat(json.get("action").asText()).isEqualTo(action);
        if (action.equals("QUEUE")) {
            assertThat(json.get("queue").asText()).isEqualTo(who);
            assertThat(json.has("targets")).isFalse();
        } else {
            StringBuilder targets = new StringBuilder();
            for (JsonNode t : json.get("targets")) {
                targets.append(targets.length() == 0 ? "" : ",").append(t.get("personId").asText()).append(':')
                        .append(t.get("role").asText()).append(':').append(t.get("ringSeconds").asInt());
                assertThat(t.get("number").asText()).matches("1380000000[0-9]");
                assertThat(t.get("name").asText()).isNotBlank();
            }
            assertThat(targets).hasToString(who);
            assertThat(json.has("queue")).isFalse();
        }
        assertThat(json.get("fallback").get("voicemail").asText()).isEqualTo(line + "@hotline");
    }

    @Test
    void theFallbackNamesTheNextOpeningAndTheDutyManagersToNotify() {
        JsonNode json = Cli.run("route", "--line", "complaints", "--at", "2026-11-24T20:00").json();

        JsonNode fallback = json.get("fallback");
        assertThat(fallback.get("nextOpening").asText()).isEqualTo("2026-11-25T08:30:00+08:00");
        assertThat(fallback.get("notify").toString()).isEqualTo("[{\"id\":\"li\",\"name\":\"Li Na\",\"number\":"
                + "\"13800000002\"},{\"id\":\"chen\",\"name\":\"Chen Jing\",\"number\":\"13800000005\"}]");
    }

    @Test
    void takesTheConfigurationFile() throws Exception {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, ExampleConfig.replace(ExampleConfig.text(), "queue: hotline-complaints",
                "queue: other-queue"));

        Cli.Result result = Cli.run("route", "--config", file.toString(), "--line", "complaints",
                "--at", "2026-11-24T10:00");

        assertThat(result.json().get("queue").asText()).isEqualTo("other-queue");
    }

    @Test
    void aLunchSlotWithNobodyGoesStraightToVoicemail() throws Exception {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, ExampleConfig.replace(ExampleConfig.text(),
                "tuesday:   { duty: [li, chen],   lunch: [qian, zhao] }", "tuesday:   { duty: [li, chen] }"));

        Cli.Result result = Cli.run("route", "--config", file.toString(), "--line", "complaints",
                "--at", "2026-11-24T12:15");

        assertThat(result.exitCode()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("period").asText()).isEqualTo("LUNCH");
        assertThat(json.get("action").asText()).isEqualTo("VOICEMAIL");
        assertThat(json.has("targets")).isFalse();
        assertThat(json.get("fallback").get("voicemail").asText()).isEqualTo("complaints@hotline");
        assertThat(json.get("fallback").get("nextOpening").asText()).isEqualTo("2026-11-24T13:30:00+08:00");
    }

    @Test
    void anUnknownLineNamesTheConfiguredOnes() {
        Cli.Result result = Cli.run("route", "--line", "sales", "--at", "2026-11-24T10:00");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("hotline route: unknown line \"sales\"; expected one of: complaints, service\n");
    }

    @Test
    void aBadInstantIsBadInput() {
        Cli.Result result = Cli.run("route", "--line", "complaints", "--at", "tomorrow");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline route: --at \"tomorrow\" is not an ISO-8601 date-time");
    }

    @Test
    void theLineIsRequired() {
        Cli.Result result = Cli.run("route", "--at", "2026-11-24T10:00");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline route: route needs --line\nusage: java -jar hotline.jar route");
    }

    @Test
    void aBadConfigurationIsReportedBeforeAnything() throws Exception {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, "timezone: Nowhere/Land\n");

        Cli.Result result = Cli.run("route", "--config", file.toString(), "--line", "complaints", "--at", "2026-11-24T10:00");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith(file + ":1: timezone: expected an IANA time zone");
    }
}
