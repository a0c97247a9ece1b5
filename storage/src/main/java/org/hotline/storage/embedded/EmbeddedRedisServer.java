package org.hotline.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis server run from the embedded binary ({@code com.github.codemonstur:embedded-redis}),
 * bound to 127.0.0.1, with append-only-file persistence ({@code appendonly yes},
 * {@code appendfsync everysec}) in a fixed directory, so queues, streams and presence survive a
 * restart (and PostgreSQL can rebuild the queues if they do not). Owned by whoever started it.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private RedisServer redis;

    private EmbeddedRedisServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a server with its data in {@code dataDir} (created if missing) on a free port. */
    public static EmbeddedRedisServer start(Path dataDir) {
        EmbeddedRedisServer s = new EmbeddedRedisServer(dataDir, EmbeddedPostgresServer.freePort());
        s.start();
        return s;
    }

    public synchronized void start() {
        if (redis != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis in " + dataDir, e);
        }
    }

    public synchronized void stop() {
        if (redis == null) {
            return;
        }
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded Redis", e);
        } finally {
            redis = null;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
