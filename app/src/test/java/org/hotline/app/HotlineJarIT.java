package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("out.txt").toFile())
                .redirectError(workDir.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("hotline.jar finished").isTrue();
        return new Run(process.exitValue(), Files.readString(workDir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("err.txt"), StandardCharsets.UTF_8));
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

    @Test
    void theDefaultCommandRunsOnTheBuiltInExample() throws Exception {
        Run run = run(dir);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\"status\":\"loaded\",\"config\":\"hotline.example.yaml (built-in)\"");
    }

    @Test
    void anUnknownCommandExitsWith2() throws Exception {
        Run run = run(dir, "frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("hotline: unknown command \"frobnicate\"");
    }
}
