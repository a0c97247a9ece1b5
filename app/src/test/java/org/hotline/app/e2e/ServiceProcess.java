package org.hotline.app.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/hotline.jar run --config FILE} as a separate process, the way a user
 * starts it: stdout and stderr go to files in its working directory (kept per start, so a
 * restart's output does not overwrite the first). Not thread-safe.
 */
final class ServiceProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "hotline.jar");

    private final Path workDir;
    private final String config;
    private Process process;
    private Path out;
    private Path err;
    private int starts;

    /** Skips (or, under CI=true, fails) the test when the jar is not built: see {@link #requireJar}. */
    ServiceProcess(Path workDir, String config) {
        requireJar();
        this.workDir = workDir;
        this.config = config;
    }

    /** What a finished command printed. */
    record Finished(int exitCode, String out, String err) {}

    /** Skips the test when the jar is not built; under CI=true fails it instead. */
    static void requireJar() {
        if (Files.isRegularFile(JAR)) {
            return;
        }
        String missing = JAR.toAbsolutePath() + " is missing; `mvn verify` builds it in the package phase";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        org.junit.jupiter.api.Assumptions.abort(missing);
    }

    /** Runs {@code java -jar hotline.jar ARGS} in {@code workDir} to its end (at most a minute). */
    static Finished runCommand(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("command-out.txt");
        Path err = workDir.resolve("command-err.txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hotline.jar " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Finished(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Starts the service and waits for its ready line (its JSON summary on stdout). */
    String start(Duration timeout) throws IOException, InterruptedException {
        starts++;
        out = workDir.resolve("out-" + starts + ".txt");
        err = workDir.resolve("err-" + starts + ".txt");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of("run", "--config", config));
        process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.contains("\"status\":\"ready\"")) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service exited (code " + process.exitValue() + ") before it was ready:\n"
                        + Files.readString(err));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service was not ready within " + timeout + ":\n" + Files.readString(err));
    }

    /** SIGKILL: the JVM ends at once, nothing of it runs (no shutdown hook, no goodbye on any socket). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not die on SIGKILL");
        }
    }

    /** SIGTERM, as an init system stops it; waits until it has exited. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop on SIGTERM within 60 s");
        }
    }

    /** What the latest start wrote on stderr (its log). */
    String log() throws IOException {
        return err == null ? "" : Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
