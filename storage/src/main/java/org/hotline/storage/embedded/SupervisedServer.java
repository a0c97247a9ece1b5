package org.hotline.storage.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one embedded server program on its data directory and keeps it running, the part the
 * embedded PostgreSQL and Redis share:
 * <ol>
 * <li>{@link #start} locks the data directory ({@code <dir>.lock} next to it, see
 *     {@link DataDirectoryLock}), so a second process on the same directory is refused at once;
 * <li>stops whatever {@link StaleProcesses} proves is this program still on this directory (left by
 *     a process that was killed: the lock proves that process is gone);
 * <li>starts the program as a {@link LifelineProcess}, so it dies with this JVM, and waits until
 *     {@code ready} answers (retrying a start that exits at once, as a new postmaster does while the
 *     old one's backends still hold its shared memory);
 * <li>when the program exits without {@link #stop} having been called, logs it and starts it again
 *     in the background, waiting 250 ms, then twice as long after each failure up to 30 s.
 * </ol>
 * Thread-safe: start, stop and the restarts are serialised on this object; the state queries never
 * wait for them.
 */
final class SupervisedServer {

    private static final Logger log = LoggerFactory.getLogger(SupervisedServer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** How to run one server program. */
    interface Program {
        /** Prepares the data directory if needed (initdb) and returns the command to run. */
        List<String> prepare() throws IOException, InterruptedException;
    }

    private final String name;
    private final String executable;
    private final Path dataDir;
    private final Optional<Path> pidFile;
    private final String stopSignal;
    private final Program program;
    private final BooleanSupplier ready;
    private final Duration startTimeout;
    private final ProcessTable processes = ProcessTable.system();

    // Written under this object's lock; volatile so that the health page reads them without
    // waiting for a restart in progress.
    private DataDirectoryLock lock;
    private volatile LifelineProcess process;
    private volatile boolean wanted;
    private volatile int restarts;
    private volatile String lastExit = "";

    /**
     * @param name       for messages ("the embedded PostgreSQL")
     * @param executable the program's file name, as {@link StaleProcesses} matches it
     * @param pidFile    where the program writes its pid, a hint for finding a stale one
     * @param stopSignal what asks it to stop quickly and cleanly
     */
    SupervisedServer(String name, String executable, Path dataDir, Optional<Path> pidFile, String stopSignal,
            Program program, BooleanSupplier ready, Duration startTimeout) {
        this.name = name;
        this.executable = executable;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.pidFile = pidFile;
        this.stopSignal = stopSignal;
        this.program = program;
        this.ready = ready;
        this.startTimeout = startTimeout;
    }

    /** The log file the program writes to: {@code <dir>.log} next to its data directory. */
    Path logFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /**
     * Starts the program (if it is not running) and returns once it is ready.
     *
     * @throws IllegalStateException when it cannot be started, saying why (another owner, the log's last line)
     */
    synchronized void start() {
        if (process != null) {
            return;
        }
        wanted = true;
        if (lock == null) {
            lock = DataDirectoryLock.acquire(dataDir.resolveSibling(dataDir.getFileName() + ".lock"), "process");
        }
        try {
            launch();
        } catch (RuntimeException e) {
            wanted = false;
            releaseLock();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wanted = false;
            releaseLock();
            throw new IllegalStateException(name + " did not start: interrupted", e);
        }
    }

    /** Stops the program and waits for it (fast shutdown); data stays. May be called repeatedly. */
    synchronized void stop() {
        wanted = false;
        try {
            if (process != null) {
                process.stop(STOP_GRACE.plusSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
            releaseLock();
        }
    }

    /** Whether the program runs now. */
    boolean running() {
        LifelineProcess p = process;
        return p != null && p.isAlive();
    }

    /** The program's pid, or -1 when it does not run. */
    long pid() {
        LifelineProcess p = process;
        return p == null ? -1 : p.pid();
    }

    /** How often it was restarted after exiting on its own. */
    int restarts() {
        return restarts;
    }

    /** One line for the health page: running, or restarting and why. */
    String describe() {
        LifelineProcess p = process;
        int restarts = this.restarts;
        if (p != null && p.isAlive()) {
            return "embedded, pid " + p.pid() + (restarts == 0 ? "" : ", restarted " + restarts
                    + (restarts == 1 ? " time" : " times") + " (last " + lastExit + ")");
        }
        return wanted ? "embedded, restarting (" + lastExit + ")" : "embedded, stopped";
    }

    private void launch() throws InterruptedException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            List<String> command;
            LifelineProcess p;
            try {
                new StaleProcesses(processes, executable, dataDir).stop(
                        new StaleProcesses(processes, executable, dataDir).find(pidFile), stopSignal, STOP_GRACE);
                command = program.prepare();
                p = LifelineProcess.launch(command, dataDir, logFile(), stopSignal, STOP_GRACE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + name + " in " + dataDir + ": " + e.getMessage(), e);
            }
            while (p.isAlive() && !ready.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (p.isAlive() && ready.getAsBoolean()) {
                process = p;
                p.onExit().thenAccept(code -> exited(p, code));
                log.info("{} is running in {} (pid {})", name, dataDir, p.pid());
                return;
            }
            p.stop(STOP_GRACE.plusSeconds(5));
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException(name + " did not start within " + startTimeout.toSeconds()
                        + " s in " + dataDir + "; its log " + logFile() + " ends: " + lastLogLine());
            }
            Thread.sleep(200); // exited at once: try again while time is left
        }
    }

    private void exited(LifelineProcess p, int code) {
        synchronized (this) {
            if (process != p || !wanted) {
                return;
            }
            process = null;
            lastExit = "exit status " + code;
            log.warn("{} (pid {}) exited on its own with status {}; starting it again", name, p.pid(), code);
        }
        Thread t = new Thread(this::restart, "hotline-restart-" + executable);
        t.setDaemon(true);
        t.start();
    }

    private void restart() {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (!wanted || process != null) {
                    return;
                }
                try {
                    launch();
                    restarts++;
                    return;
                } catch (RuntimeException e) {
                    log.error("{} could not be started again (next try in {} s): {}", name,
                            Math.min(wait.multipliedBy(2).toSeconds(), MAX_RETRY.toSeconds()), e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
            }
            wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
        }
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).trim();
                }
            }
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        return "(empty)";
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
