package org.hotline.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops the processes of one program that still hold one data directory after the
 * service that started them died: a postmaster (and its backends) left by a {@code kill -9}, a
 * redis-server orphaned by an older version. A process counts only when {@code /proc} proves it:
 * its program is {@code program} (by executable, else {@code argv[0]}) and its working directory
 * is the data directory (both PostgreSQL and Redis {@code chdir} there) or, for a postmaster, its
 * {@code -D} argument names it. A pid file is only a hint: a pid that now belongs to anything else
 * is left alone, whatever the file says.
 *
 * <p>Call it only while holding the data directory's {@link DataDirectoryLock}:
 * then no live hotline owns these processes. Thread-safe (stateless apart from its arguments).
 */
public final class StaleProcesses {

    private static final Logger log = LoggerFactory.getLogger(StaleProcesses.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ProcessTable table;
    private final String program;
    private final Path dataDir;

    /**
     * @param program the executable's file name ({@code postgres}); a name that starts with it
     *                also counts ({@code redis-server-6.2.6-v5-linux-amd64} for {@code redis-server})
     */
    public StaleProcesses(ProcessTable table, String program, Path dataDir) {
        this.table = table;
        this.program = program;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /**
     * The processes of the program on the data directory: the one the pid file names (if it
     * passes the check) first, then any other found in the table.
     */
    public List<ProcessTable.Entry> find(Optional<Path> pidFile) {
        Map<Long, ProcessTable.Entry> found = new LinkedHashMap<>();
        pidFile.flatMap(StaleProcesses::readPid).flatMap(table::find).filter(this::belongs)
                .ifPresent(e -> found.put(e.pid(), e));
        long self = ProcessHandle.current().pid();
        for (ProcessTable.Entry e : table.all()) {
            if (e.pid() != self && belongs(e)) {
                found.putIfAbsent(e.pid(), e);
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Whether {@code e} is the program, on the data directory. */
    public boolean belongs(ProcessTable.Entry e) {
        String name = e.program();
        if (name.isEmpty() || !name.startsWith(program)) {
            return false;
        }
        Path real = realDataDir();
        if (e.cwd().map(c -> c.normalize().equals(real)).orElse(false)) {
            return true;
        }
        return e.argumentAfter("-D").map(d -> sameDirectory(Path.of(d), real)).orElse(false);
    }

    /**
     * Stops {@code processes}: each is sent {@code SIGCONT} (a stopped one could not act on
     * anything else), then {@code signal}; whatever still runs after {@code grace} gets
     * {@code SIGKILL}. Every pid is checked again just before it is signalled. Returns when all are
     * gone, or throws when one outlives {@code SIGKILL} by {@code grace}.
     */
    public void stop(List<ProcessTable.Entry> processes, String signal, Duration grace) throws InterruptedException {
        if (processes.isEmpty()) {
            return;
        }
        for (ProcessTable.Entry e : processes) {
            log.warn("stopping a stale {} (pid {}) left on {} by a hotline that is no longer running",
                    program, e.pid(), dataDir);
            signal(e.pid(), "CONT");
            signal(e.pid(), signal);
        }
        if (awaitGone(processes, grace)) {
            return;
        }
        for (ProcessTable.Entry e : processes) {
            signal(e.pid(), "KILL");
        }
        if (!awaitGone(processes, grace)) {
            throw new IllegalStateException("a stale " + program + " on " + dataDir
                    + " does not stop even after SIGKILL; stop it by hand");
        }
    }

    private boolean awaitGone(List<ProcessTable.Entry> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (processes.stream().noneMatch(e -> stillThere(e.pid()))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean stillThere(long pid) {
        return table.find(pid).filter(this::belongs).isPresent();
    }

    private void signal(long pid, String name) throws InterruptedException {
        if (!stillThere(pid)) {
            return; // exited, or the pid is now another program's: never signal that
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill to stop a stale " + program + " (pid " + pid + ")", e);
        }
    }

    private Path realDataDir() {
        try {
            return dataDir.toRealPath();
        } catch (IOException e) {
            return dataDir;
        }
    }

    private static boolean sameDirectory(Path dir, Path real) {
        if (!dir.isAbsolute()) {
            return false;
        }
        try {
            return dir.toRealPath().equals(real);
        } catch (IOException e) {
            return dir.normalize().equals(real);
        }
    }

    /** The pid on the first line of a pid file (PostgreSQL's {@code postmaster.pid}, Redis's pidfile). */
    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // missing, unreadable or torn: no hint
        }
    }
}
