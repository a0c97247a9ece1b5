package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.app.config.ExampleConfig;

/**
 * The shaded {@code target/hotline.jar}, run as a separate process as a user runs it: each run in
 * its own working directory, stdout in {@code out.txt} and stderr in {@code err.txt} there.
 */
final class HotlineJar {
    static final Path JAR = Path.of("target", "hotline.jar");
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A finished command. {@code lingered}: from its last output to its exit, which is what "exits
     * as soon as it is done" means on a machine of any speed (a thread left running shows there).
     */
    record Run(int exitCode, String out, String err, Duration lingered) {}

    private HotlineJar() {}

    /** Fails (under {@code CI=true}) or skips when the package phase has not built the jar. */
    static void requireBuilt() {
        if (!Files.isRegularFile(JAR)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(JAR.toAbsolutePath() + " is missing; `mvn verify` builds it in the package phase");
            }
            assumeTrue(false, JAR.toAbsolutePath() + " is missing; build it with `mvn -pl app -am package`");
        }
    }

    /** Runs a command to its end, which must come within {@code limit} (generous: it catches a hang). */
    static Run run(Path workDir, Duration limit, String... args) throws IOException, InterruptedException {
        Process process = start(workDir, args);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hotline.jar " + String.join(" ", args) + " did not exit within " + limit.toSeconds()
                    + " s; stdout: " + Files.readString(workDir.resolve("out.txt")));
        }
        java.time.Instant exited = java.time.Instant.now();
        java.time.Instant lastOutput = java.util.stream.Stream.of("out.txt", "err.txt")
                .map(f -> lastModified(workDir.resolve(f))).max(java.util.Comparator.naturalOrder()).orElseThrow();
        return new Run(process.exitValue(), Files.readString(workDir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("err.txt"), StandardCharsets.UTF_8),
                Duration.between(lastOutput, exited));
    }

    private static java.time.Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Process start(Path workDir, String... args) throws IOException {
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

    /** The first line of {@code file} containing {@code needle}, waiting up to {@code limit} for it. */
    static String awaitLine(Path file, String needle, Process process, Duration limit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.contains(needle)) {
                    return line;
                }
            }
            assertThat(process.isAlive()).as("the service is still running; stderr: %s",
                    Files.readString(file.resolveSibling("err.txt"))).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no line with " + needle + " in " + file + " within " + limit.toSeconds() + " s");
    }

    /** The example configuration with its data under {@code dataDir} and the given FastAGI and panel ports. */
    static String config(Path dataDir, int agiPort, int panelPort) {
        String text = ExampleConfig.replace(ExampleConfig.text(), "  port: 8080\n", "  port: " + panelPort + "\n");
        text = ExampleConfig.replace(text, "data-dir: \".hotline/data\"", "data-dir: \"" + dataDir + "\"");
        return ExampleConfig.replace(text, "    port: 4573\n", "    port: " + agiPort + "\n");
    }

    /** The FastAGI port of a ready line: {@code "agi":"agi://127.0.0.1:PORT/hotline"}. */
    static int agiPort(JsonNode ready) {
        return Integer.parseInt(ready.get("agi").asText().replaceAll(".*:(\\d+)/hotline$", "$1"));
    }
}
