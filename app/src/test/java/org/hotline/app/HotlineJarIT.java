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
        // generous: a user command may initialise and start the embedded PostgreSQL on a busy machine
        return HotlineJar.run(workDir, Duration.ofMinutes(3), args);
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
            Run call = HotlineJar.run(callDir, Duration.ofMinutes(2), "simulate-call", "--config", "call.yaml", "--line", "complaints",
                    "--from", "13912345678", "--digits", "111201#2");

            assertThat(call.exitCode()).as(call.err()).isZero();
            // well within the 30 s the shutdown hook used to wait for a server it never started
            assertThat(call.lingered()).as("from its answer to its exit").isLessThan(Duration.ofSeconds(10));
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

    /**
     * The administrator's first setup and a restart: {@code user add} before the service ever ran,
     * {@code run}, the new user logs in with the one-time password and changes it, {@code user list}
     * while the service runs on the same embedded data directory, a restart of {@code run} keeps
     * the session, and {@code user passwd} / {@code user disable} from the command line end it.
     */
    @Test
    void usersAreAdministeredFromTheCommandLineAndSessionsSurviveARestart() throws Exception {
        String base = ExampleConfig.replace(ExampleConfig.text(), "  port: 8080\n", "  port: 0\n");
        base = ExampleConfig.replace(base, "data-dir: \".hotline/data\"", "data-dir: \"" + dir.resolve("data") + "\"");
        Files.writeString(dir.resolve("hotline.yaml"), ExampleConfig.replace(base, "    port: 4573\n", "    port: 0\n"));
        Path cli = Files.createDirectories(dir.resolve("cli"));
        Files.copy(dir.resolve("hotline.yaml"), cli.resolve("hotline.yaml"));

        Run add = run(cli, "user", "add", "--config", "hotline.yaml", "--username", "lin", "--name", "Lin Hong",
                "--role", "agent", "--phone", "PJSIP/1007", "--password", "first pass 123");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(JSON.readTree(add.out()).get("mustChangePassword").asBoolean()).isTrue();
        Run duplicate = run(cli, "user", "add", "--config", "hotline.yaml", "--username", "lin", "--name", "Other",
                "--role", "agent");
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("'lin' is already taken");
        Run badRole = run(cli, "user", "add", "--config", "hotline.yaml", "--username", "sue", "--name", "Sue",
                "--role", "boss");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("'role' must be one of agent, supervisor");

        Process service = HotlineJar.start(dir, "run", "--config", "hotline.yaml");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String cookie;
        try {
            String panel = JSON.readTree(HotlineJar.awaitLine(dir.resolve("out.txt"), "\"status\":\"ready\"", service, Duration.ofMinutes(2))).get("panel").asText();
            var login = post(http, panel + "api/login", null, null, "{\"username\":\"lin\",\"password\":\"first pass 123\"}");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(JSON.readTree(login.body()).get("mustChangePassword").asBoolean()).isTrue();
            var changed = post(http, panel + "api/session/password", cookieOf(login),
                    JSON.readTree(login.body()).get("csrfToken").asText(),
                    "{\"currentPassword\":\"first pass 123\",\"newPassword\":\"second pass 456\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            cookie = cookieOf(changed);
            assertThat(get(http, panel + "api/queue", cookie).statusCode()).isEqualTo(200);

            Run list = run(cli, "user", "list", "--config", "hotline.yaml");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(JSON.readTree(list.out()).findValuesAsText("username")).contains("admin", "lin");
        } finally {
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        Files.delete(dir.resolve("out.txt"));
        Process again = HotlineJar.start(dir, "run", "--config", "hotline.yaml");
        try {
            String panel = JSON.readTree(HotlineJar.awaitLine(dir.resolve("out.txt"), "\"status\":\"ready\"", again, Duration.ofMinutes(2))).get("panel").asText();
            var session = get(http, panel + "api/session", cookie);
            assertThat(session.statusCode()).as("the session survived the restart").isEqualTo(200);
            assertThat(JSON.readTree(session.body()).get("username").asText()).isEqualTo("lin");

            Run passwd = run(cli, "user", "passwd", "lin", "--config", "hotline.yaml");
            assertThat(passwd.exitCode()).as(passwd.err()).isZero();
            assertThat(JSON.readTree(passwd.out()).get("oneTimePassword").asText()).hasSizeGreaterThanOrEqualTo(16);
            assertThat(get(http, panel + "api/session", cookie).statusCode()).as("passwd ended the session").isEqualTo(401);

            Run disable = run(cli, "user", "disable", "lin", "--config", "hotline.yaml");
            assertThat(disable.exitCode()).as(disable.err()).isZero();
            assertThat(JSON.readTree(disable.out()).get("active").asBoolean()).isFalse();
            var refused = post(http, panel + "api/login", null, null, "{\"username\":\"lin\",\"password\":\""
                    + JSON.readTree(passwd.out()).get("oneTimePassword").asText() + "\"}");
            assertThat(refused.statusCode()).isEqualTo(401);
        } finally {
            again.destroy();
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static java.net.http.HttpResponse<String> post(java.net.http.HttpClient http, String url, String cookie,
            String csrf, String body) throws IOException, InterruptedException {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (cookie != null) {
            b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url, String cookie)
            throws IOException, InterruptedException {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", cookie).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(java.net.http.HttpResponse<String> res) {
        return res.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
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

        Run run = HotlineJar.run(dir, Duration.ofMinutes(1), command.split(" "));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(command.contains("nosuchline") ? 2 : 0);
        assertThat(run.out().isEmpty() && run.err().isEmpty()).as("it printed its answer").isFalse();
        assertThat(run.lingered()).as("from its answer to its exit").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void simulateCallWithNoServiceRunningSaysSoAndExits() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Files.writeString(dir.resolve("hotline.yaml"), HotlineJar.config(dir.resolve("data"), closedPort, 0));

        Run run = HotlineJar.run(dir, Duration.ofMinutes(1), "simulate-call", "--config", "hotline.yaml",
                "--line", "complaints", "--from", "13912345678", "--digits", "111201#2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the FastAGI server").contains("start the service first");
    }
}
