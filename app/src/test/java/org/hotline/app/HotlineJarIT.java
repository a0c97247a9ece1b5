package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.app.config.ExampleConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded {@code target/hotline.jar} as a process, as a user would. */
class HotlineJarIT {
    private static final Path JAR = Path.of("target", "hotline.jar");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void jarIsBuilt() {
        if (!Files.isRegularFile(JAR)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(JAR.toAbsolutePath() + " is missing; `mvn verify` builds it in the package phase");
            }
            assumeTrue(false, JAR.toAbsolutePath() + " is missing; build it with `mvn -pl app -am package`");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        Process process = start(workDir, args);
        // generous: a user command may initialise and start the embedded PostgreSQL on a busy machine
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("hotline.jar finished; stderr so far: %s",
                Files.readString(workDir.resolve("err.txt"), StandardCharsets.UTF_8)).isTrue();
        return new Run(process.exitValue(), Files.readString(workDir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** The first line of {@code file} containing {@code needle}, waiting up to two minutes for it. */
    private static String awaitLine(Path file, String needle, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.contains(needle)) {
                    return line;
                }
            }
            assertThat(process.isAlive()).as("the service is still running").isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no line with " + needle + " in " + file);
    }

    private static Process start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("out.txt").toFile())
                .redirectError(workDir.resolve("err.txt").toFile())
                .start();
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
        String base = ExampleConfig.replace(ExampleConfig.text(), "  port: 8080\n", "  port: 0\n");
        base = ExampleConfig.replace(base, "data-dir: \".hotline/data\"", "data-dir: \"" + dir.resolve("data") + "\"");
        Files.writeString(dir.resolve("hotline.yaml"), ExampleConfig.replace(base, "    port: 4573\n", "    port: 0\n"));
        Process service = start(dir, "run", "--config", "hotline.yaml");
        try {
            String ready = awaitLine(dir.resolve("out.txt"), "\"status\":\"ready\"", service);
            JsonNode readyJson = JSON.readTree(ready);
            int agiPort = Integer.parseInt(readyJson.get("agi").asText().replaceAll(".*:(\\d+)/hotline$", "$1"));
            Files.writeString(dir.resolve("call.yaml"), ExampleConfig.replace(base, "    port: 4573\n",
                    "    port: " + agiPort + "\n"));

            Path callDir = Files.createDirectories(dir.resolve("call"));
            Files.copy(dir.resolve("call.yaml"), callDir.resolve("call.yaml"));
            Run call = run(callDir, "simulate-call", "--config", "call.yaml", "--line", "complaints",
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

        Process service = start(dir, "run", "--config", "hotline.yaml");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String cookie;
        try {
            String panel = JSON.readTree(awaitLine(dir.resolve("out.txt"), "\"status\":\"ready\"", service)).get("panel").asText();
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
        Process again = start(dir, "run", "--config", "hotline.yaml");
        try {
            String panel = JSON.readTree(awaitLine(dir.resolve("out.txt"), "\"status\":\"ready\"", again)).get("panel").asText();
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
}
