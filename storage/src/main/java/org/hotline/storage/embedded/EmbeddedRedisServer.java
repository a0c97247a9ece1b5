package org.hotline.storage.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * A Redis server run from the binary shipped by {@code com.github.codemonstur:embedded-redis},
 * bound to 127.0.0.1, with append-only-file persistence ({@code appendonly yes},
 * {@code appendfsync everysec}) in a fixed directory, so queues, streams and presence survive a
 * restart (and PostgreSQL can rebuild the queues if they do not). Redis writes its pid to
 * {@code redis-server.pid} in that directory.
 *
 * <p>Like {@link EmbeddedPostgresServer}, and for the same reason, the program is run directly as a
 * {@link LifelineProcess} (it gets {@code SIGTERM} when this JVM dies, however it dies), a stale
 * redis-server on the directory is stopped first, and one that dies is started again. Thread-safe;
 * owned by whoever started it.
 */
public final class EmbeddedRedisServer extends EmbeddedServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private EmbeddedRedisServer(Path dataDir, int port) {
        super(dataDir, port, "the embedded Redis", "redis-server", "redis-server.pid", "TERM", START_TIMEOUT);
    }

    /** Starts a server with its data in {@code dataDir} (created if missing) on a free port. */
    public static EmbeddedRedisServer start(Path dataDir) {
        EmbeddedRedisServer s = new EmbeddedRedisServer(dataDir, freePort());
        s.start();
        return s;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    List<String> command() throws java.io.IOException {
        java.nio.file.Files.createDirectories(dataDir);
        return List.of(EmbeddedBinaries.shared().redis().toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--dir", dataDir.toString(),
                "--pidfile", dataDir.resolve("redis-server.pid").toString(),
                "--daemonize", "no",
                "--appendonly", "yes",
                "--appendfsync", "everysec",
                "--save", "",
                "--protected-mode", "yes");
    }

    @Override
    boolean answers() {
        try (Jedis j = new Jedis("127.0.0.1", port, 1000)) {
            return "PONG".equals(j.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
