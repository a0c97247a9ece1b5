package org.hotline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code deadline} on the shipped example (office hours 08:30-12:00 and 13:30-17:30). */
class DeadlineCommandTest {

    private static List<String> steps(JsonNode json) {
        List<String> steps = new ArrayList<>();
        for (JsonNode s : json.get("steps")) {
            steps.add(s.get("step").asText() + " " + s.get("due").asText()
                    + (s.get("max").isNull() ? "" : " max " + s.get("max").asText()));
        }
        return steps;
    }

    @Test
    void aComplaintAcceptedMondayMorning() {
        Cli.Result result = Cli.run("deadline", "--line", "complaints", "--kind", "complaint", "--from", "2026-11-23T10:00");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("line").asText()).isEqualTo("complaints");
        assertThat(json.get("kind").asText()).isEqualTo("complaint");
        assertThat(json.get("policy").asText()).isEqualTo("complaint");
        assertThat(json.get("from").asText()).isEqualTo("2026-11-23T10:00:00+08:00");
        assertThat(steps(json)).containsExactly(
                "acknowledge 2026-11-23T15:15:00+08:00",
                "plan 2026-11-24T10:00:00+08:00",
                "resolve 2026-11-25T10:00:00+08:00 max 2026-12-02T10:00:00+08:00",
                "callback 2026-11-28T10:00:00+08:00");
        JsonNode callback = json.get("steps").get(3);
        assertThat(callback.get("rule").asText()).isEqualTo("3 days");
        assertThat(callback.get("after").asText()).isEqualTo("resolve");
        assertThat(callback.get("start").asText()).isEqualTo("2026-11-25T10:00:00+08:00");
        assertThat(json.get("steps").get(2).get("maxRule").asText()).isEqualTo("7 working days");
        assertThat(json.get("steps").get(0).get("doneAt").asText()).isEqualTo("dispatched");
        assertThat(json.get("steps").get(1).get("doneAt").asText()).isEqualTo("in-progress");
        assertThat(callback.get("doneAt").asText()).isEqualTo("callback");
    }

    @Test
    void theHalfDayAndTheNewYearHolidayExtendTheDeadline() {
        JsonNode json = Cli.run("deadline", "--line", "complaints", "--kind", "complaint",
                "--from", "2026-12-31T11:00+08:00").json();

        assertThat(steps(json)).startsWith("acknowledge 2027-01-04T11:15:00+08:00");
    }

    @Test
    void anInquiryIsDueAtTheEndOfTheSameWorkingDay() {
        JsonNode json = Cli.run("deadline", "--line", "service", "--kind", "inquiry", "--from", "2026-11-24T09:00").json();

        assertThat(steps(json)).containsExactly("answer 2026-11-24T17:30:00+08:00");
    }

    @Test
    void anUnknownKindNamesTheKindsOfTheLine() {
        Cli.Result result = Cli.run("deadline", "--line", "complaints", "--kind", "praise", "--from", "2026-11-24T09:00");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("hotline deadline: line complaints has no deadline policy for kind \"praise\"; "
                + "expected one of: complaint, inquiry, suggestion, report, repair, urgent\n");
    }

    @Test
    void theStartIsRequired() {
        Cli.Result result = Cli.run("deadline", "--line", "complaints", "--kind", "complaint");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline deadline: deadline needs --from");
    }
}
