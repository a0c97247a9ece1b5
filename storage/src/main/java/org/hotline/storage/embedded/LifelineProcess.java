package org.hotline.storage.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server process that cannot outlive this JVM. It is started by a tiny watchdog shell, in a
 * session of its own ({@code setsid}, so a Ctrl-C in the terminal reaches only the JVM, which
 * then stops its servers in order). The watchdog's stdin is a pipe whose only writer is this JVM:
 * when {@link #stop} closes it, or when the JVM dies in any way (including {@code kill -9}, when
 * the kernel closes the pipe), the watchdog sends the server {@code stopSignal}, then
 * {@code SIGKILL} after {@code grace}. This is why the embedded servers are started here rather
 * than through their libraries: {@code pg_ctl start} detaches the postmaster, and the Redis library
 * only stops its child from a shutdown hook, which {@code kill -9} never runs.
 *
 * <p>The watchdog prints the server's pid, exits with the server's exit status, and sends nothing
 * once the server has exited (so it never signals a reused pid). The server's stdout and stderr
 * are appended to a log file. Thread-safe.
 */
final class LifelineProcess {

    private static final String WATCHDOG = String.join("\n",
            "sig=$1; grace=$2; log=$3; shift 3",
            "exec 3<&0 0</dev/null",
            "\"$@\" 3<&- >>\"$log\" 2>&1 &",
            "c=$!",
            "echo \"$c\"",
            "( read -r _ <&3; kill -s \"$sig\" \"$c\" 2>/dev/null; i=0;",
            "  while kill -0 \"$c\" 2>/dev/null && [ \"$i\" -lt \"$grace\" ]; do sleep 0.1; i=$((i+1)); done;",
            "  kill -s KILL \"$c\" 2>/dev/null ) &",
            "w=$!",
            "exec 3<&-",
            "wait \"$c\"; s=$?",
            "kill \"$w\" 2>/dev/null",
            "exit \"$s\"");

    private final Process watchdog;
    private final OutputStream lifeline;
    private final long pid;

    private LifelineProcess(Process watchdog, long pid) {
        this.watchdog = watchdog;
        this.lifeline = watchdog.getOutputStream();
        this.pid = pid;
    }

    /**
     * Starts {@code command} in {@code workDir}.
     *
     * @param stopSignal the signal that asks the server to stop ({@code INT}, {@code TERM})
     * @param grace      how long the server has to stop before it gets {@code SIGKILL}
     */
    static LifelineProcess launch(List<String> command, Path workDir, Path log, String stopSignal, Duration grace)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> argv = new ArrayList<>();
        setsid().ifPresent(argv::add);
        argv.addAll(List.of("sh", "-c", WATCHDOG, "hotline-lifeline", stopSignal,
                Long.toString(Math.max(1, grace.toMillis() / 100)), log.toAbsolutePath().toString()));
        argv.addAll(command);
        Process p = new ProcessBuilder(argv).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || !line.trim().matches("\\d+")) {
            p.destroyForcibly();
            throw new IOException("the watchdog for " + command.get(0) + " did not start it; see " + log);
        }
        return new LifelineProcess(p, Long.parseLong(line.trim()));
    }

    private static java.util.Optional<String> setsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, "setsid");
            if (Files.isExecutable(p)) {
                return java.util.Optional.of(p.toString());
            }
        }
        return java.util.Optional.empty();
    }

    /** The server's pid (not the watchdog's). */
    long pid() {
        return pid;
    }

    /** Whether the server still runs (the watchdog exits with it). */
    boolean isAlive() {
        return watchdog.isAlive();
    }

    /** Completes with the server's exit status (128 + signal when it was killed). */
    CompletableFuture<Integer> onExit() {
        return watchdog.onExit().thenApply(Process::exitValue);
    }

    /**
     * Asks the server to stop (closes the lifeline) and waits up to {@code timeout} for it; if the
     * watchdog cannot be waited for, kills the server and the watchdog outright.
     */
    void stop(Duration timeout) throws InterruptedException {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the watchdog is gone already: waiting below tells
        }
        if (!watchdog.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            watchdog.destroyForcibly();
            watchdog.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
