package org.hotline.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the embedded PostgreSQL and Redis have in common: one server program on a fixed loopback
 * port and a data directory that is never cleaned, kept running by a {@link SupervisedServer}. A
 * subclass says how to run its program ({@link #command()}) and how to tell that it answers
 * ({@link #answers()}). {@link #stop()} and {@link #start()} may be repeated (tests stop a server
 * mid-intake); the port stays the same. Thread-safe; owned by whoever started it.
 */
abstract class EmbeddedServer implements AutoCloseable {

    /** The program's data directory, absolute. */
    protected final Path dataDir;
    /** The loopback port it listens on. */
    protected final int port;
    private final SupervisedServer server;

    /**
     * @param name       how logs and the health page name the server
     * @param executable the program's file name, as {@code /proc} shows it
     * @param pidFile    the file, inside the data directory, where the program writes its pid
     * @param stopSignal the signal for a fast, clean shutdown
     */
    EmbeddedServer(Path dataDir, int port, String name, String executable, String pidFile, String stopSignal,
            Duration startTimeout) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.server = new SupervisedServer(name, executable, this.dataDir, Optional.of(this.dataDir.resolve(pidFile)),
                stopSignal, this::command, this::answers, startTimeout);
    }

    /** Prepares the data directory if needed and returns the command that runs the server. */
    abstract List<String> command() throws IOException, InterruptedException;

    /** Whether the server answers now. */
    abstract boolean answers();

    /**
     * (Re)starts the server on its port with its data directory and waits until it answers.
     *
     * @throws IllegalStateException saying why it cannot (the directory in use, the log's last line)
     */
    public void start() {
        server.start();
    }

    /** Stops the server (fast shutdown) and waits for it; data stays. */
    public void stop() {
        server.stop();
    }

    public int port() {
        return port;
    }

    /** The server program's pid, or -1 when it is not running. */
    public long pid() {
        return server.pid();
    }

    /** Whether the program runs now (it may still be starting after a crash). */
    public boolean running() {
        return server.running();
    }

    /** How often the program was started again after it died on its own. */
    public int restarts() {
        return server.restarts();
    }

    /** One line for the health page. */
    public String describe() {
        return server.describe();
    }

    @Override
    public void close() {
        stop();
    }

    /** The file the program's output is appended to. */
    Path logFile() {
        return server.logFile();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
