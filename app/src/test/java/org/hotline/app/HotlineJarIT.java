package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotline.app.config.ExampleConfig;
import org.hotline.app.HotlineJar.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the shaded {@code target/hotline.jar} as a process, as a user would. */
class HotlineJarIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        HotlineJar.requireBuilt();
    }

    private static final ObjectMapper JSON = HotlineJar.JSON;

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        return HotlineJar.run(workDir, Duration.ofSeconds(60), args);
    }

    @Test
    void aBadConfigurationExitsWith2AndNamesTheLine() throws Exception {
        String text = ExampleConfig.replace(ExampleConfig.text(), "ring-seconds: { a: 25, b: 25 }",
                "ring-seconds: { a: twenty, b: 25 }");
        Files.writeString(dir.resolve("hotline.yaml"), text);

        Run run = run(dir, "check-config", "hotline.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("hotline.yaml:" + ExampleConfig.line(text, "twenty")
                + ": lines[1].ring-seconds.a: expected a whole number of seconds from 5 to 120, got \"twenty\"\n");
    }

    /**
     * What a new user does: {@code run}, wait for the ready line, place a call with
     * {@code simulate-call}, read the stored ticket back, then stop the service with SIGTERM.
     */
    @Test
    void runServesACallAndStopsCleanlyOnSigterm() throws Exception {
        Files.writeString(dir.resolve("hotline.yaml"), HotlineJar.config(dir.resolve("data"), 0, 0));
        Process service = HotlineJar.start(dir, "run", "--config", "hotline.yaml");
        try {
            String ready = HotlineJar.awaitLine(dir.resolve("out.txt"), "\"status\":\"ready\"", service,
                    Duration.ofMinutes(2));
            int agiPort = HotlineJar.agiPort(JSON.readTree(ready));
            Files.writeString(dir.resolve("call.yaml"), HotlineJar.config(dir.resolve("data"), agiPort, 0));

            Path callDir = Files.createDirectories(dir.resolve("call"));
            Files.copy(dir.resolve("call.yaml"), callDir.resolve("call.yaml"));
            // well within the 30 s the shutdown hook used to wait for a server it never started
            Run call = HotlineJar.run(callDir, Duration.ofSeconds(20), "simulate-call", "--config", "call.yaml", "--line", "complaints",
                    "--from", "13912345678", "--digits", "111201#2");

            assertThat(call.exitCode()).as(call.err()).isZero();
            JsonNode result = JSON.readTree(call.out());
            assertThat(result.get("variables").get("HOTLINE_STATUS").asText()).isEqualTo("OK");
            JsonNode ticket = result.get("ticket");
            assertThat(ticket.get("number").asText()).isEqualTo(result.get("variables").get("HOTLINE_TICKET").asText());
            assertThat(ticket.get("kind").asText()).isEqualTo("COMPLAINT");
            assertThat(ticket.get("callbackNumber").asText()).isEqualTo("13912345678");
            assertThat(ticket.get("location").asText()).isEqualTo("1201");
            assertThat(ticket.get("deadlines").has("resolve")).isTrue();
            assertThat(result.get("history").size()).isGreaterThanOrEqualTo(3);
        } finally {
            service.destroy(); // SIGTERM, as an init system stops it
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("Stopping hotline.");
    }

    @Test
    void anUnknownCommandExitsWith2() throws Exception {
        Run run = run(dir, "frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("hotline: unknown command \"frobnicate\"");
    }

    /**
     * Each command that starts no server exits as soon as it has printed its answer: the bound
     * is generous, but below the 30 s the shutdown hook once waited for a server never started.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "--help",
        "check-config hotline.yaml",
        "route --line complaints --at 2026-11-24T20:00",
        "deadline --line complaints --kind complaint --from 2026-12-30T16:00",
        "roster --from 2026-12-24 --days 7",
        "simulate-call --help",
        "route --line nosuchline --at 2026-11-24T20:00"})
    void aCommandExitsAsSoonAsItIsDone(String command) throws Exception {
        Files.writeString(dir.resolve("hotline.yaml"), ExampleConfig.text());

        Run run = HotlineJar.run(dir, Duration.ofSeconds(10), command.split(" "));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(command.contains("nosuchline") ? 2 : 0);
        assertThat(run.out().isEmpty() && run.err().isEmpty()).as("it printed its answer").isFalse();
    }

    @Test
    void simulateCallWithNoServiceRunningSaysSoAndExits() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Files.writeString(dir.resolve("hotline.yaml"), HotlineJar.config(dir.resolve("data"), closedPort, 0));

        Run run = HotlineJar.run(dir, Duration.ofSeconds(10), "simulate-call", "--config", "hotline.yaml",
                "--line", "complaints", "--from", "13912345678", "--digits", "111201#2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the FastAGI server").contains("start the service first");
    }
}
