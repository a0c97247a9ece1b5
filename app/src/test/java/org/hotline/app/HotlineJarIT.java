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
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("hotline.jar finished").isTrue();
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

    @Test
    void anUnknownCommandExitsWith2() throws Exception {
        Run run = run(dir, "frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("hotline: unknown command \"frobnicate\"");
    }
}
