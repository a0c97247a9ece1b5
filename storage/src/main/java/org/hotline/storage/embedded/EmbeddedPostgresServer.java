package org.hotline.storage.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.storage.pg.PgEndpoint;

/**
 * A PostgreSQL 16 server run from the embedded binaries ({@code io.zonky.test.postgres}), listening
 * on 127.0.0.1 only (no Unix socket), with its data in a fixed directory that is never cleaned, so
 * a restart keeps every ticket. The superuser is {@code postgres} (trust authentication on
 * loopback). {@link #stop()} and {@link #start()} may be repeated (tests stop it mid-intake); the
 * port stays the same.
 *
 * <p>Why the binaries are run directly rather than through {@code EmbeddedPostgres}: that library
 * starts the postmaster with {@code pg_ctl}, detached from the JVM, and stops it from a shutdown
 * hook, so a {@code kill -9} of the service left it running and holding the data directory. Here
 * the postmaster is a {@link LifelineProcess}: it gets a fast shutdown ({@code SIGINT}) as soon as
 * this JVM is gone. A postmaster (or backend) still found on the directory at start, proved by
 * {@code postmaster.pid} and {@code /proc}, is stopped first, and a postmaster that dies while the
 * service runs is started again (see {@link SupervisedServer}); meanwhile the pool's connections
 * fail and call intake is spooled.
 *
 * <p>Thread-safe; owned by whoever started it.
 */
public final class EmbeddedPostgresServer extends EmbeddedServer {

    /** The embedded cluster's superuser. */
    public static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedPostgresServer(Path dataDir, int port) {
        super(dataDir, port, "the embedded PostgreSQL", "postgres", "postmaster.pid", "INT", START_TIMEOUT);
    }

    /** Starts a server with its data in {@code dataDir} (created if missing) on a free port. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        EmbeddedPostgresServer s = new EmbeddedPostgresServer(dataDir, freePort());
        s.start();
        return s;
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

    /** The JDBC URL of database {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser on database {@code database}. */
    public PgEndpoint superuser(String database) {
        return new PgEndpoint(jdbcUrl(database), SUPERUSER, null);
    }

    @Override
    List<String> command() throws IOException, InterruptedException {
        Path binaries = EmbeddedBinaries.shared().postgres();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb(binaries);
        }
        List<String> command = new ArrayList<>(unprivileged());
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=300",
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                "-c", "timezone=UTC"));
        return command;
    }

    /**
     * PostgreSQL refuses to run as root. Run as root (a container, a CI machine), the programs are
     * started in a new user namespace ({@code unshare -U}), where they are an unprivileged user
     * that still owns the data directory; the pid stays the program's own ({@code unshare} execs it).
     */
    private static List<String> unprivileged() throws IOException, InterruptedException {
        Object uid;
        try {
            uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return List.of(); // not Linux: nothing to do
        }
        if (!Integer.valueOf(0).equals(uid)) {
            return List.of();
        }
        Process probe;
        try {
            probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            probe = null;
        }
        if (probe == null || probe.waitFor() != 0) {
            throw new IOException("PostgreSQL does not run as root and `unshare -U` is not available here; "
                    + "run hotline as an ordinary user, or configure storage.postgres-url");
        }
        return List.of("unshare", "-U");
    }

    /** Creates the cluster beside the data directory and moves it into place once complete. */
    private void initdb(Path binaries) throws IOException, InterruptedException {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> s = Files.list(dataDir)) {
                if (s.anyMatch(p -> !p.getFileName().toString().equals("epg-lock"))) {
                    throw new IOException(dataDir + " has files but no PostgreSQL cluster (no PG_VERSION); "
                            + "move it away or point storage.data-dir elsewhere");
                }
            }
        }
        Path fresh = dataDir.resolveSibling(dataDir.getFileName() + ".initdb");
        deleteTree(fresh);
        List<String> command = new ArrayList<>(unprivileged());
        command.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", SUPERUSER,
                "-D", fresh.toString(), "-E", "UTF-8", "--no-instructions"));
        Process initdb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        if (initdb.waitFor() != 0) {
            throw new IOException("initdb failed (exit " + initdb.exitValue() + "); see " + logFile());
        }
        deleteTree(dataDir);
        Files.move(fresh, dataDir, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    boolean answers() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres") + "?connectTimeout=1&socketTimeout=2",
                SUPERUSER, null)) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

}
