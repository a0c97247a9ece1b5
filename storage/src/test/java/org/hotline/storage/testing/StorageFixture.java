package org.hotline.storage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.embedded.EmbeddedRedisServer;
import org.hotline.storage.pg.PgEndpoint;
import org.hotline.storage.pg.PgSchema;
import redis.clients.jedis.JedisPooled;

/**
 * Real storage servers for tests in any module (through the storage test-jar): one embedded
 * PostgreSQL and one embedded Redis per JVM, started on first use on free loopback ports, with
 * data in a temporary directory, stopped and deleted when the JVM exits.
 *
 * <p>{@link #freshStorage(Clock)} gives each test its own empty database ({@code t_<n>}, migrated,
 * the service connecting as the non-owner role {@value #APP_ROLE}) and an empty Redis (FLUSHALL),
 * through the same {@link Storage#start} path a deployment with real server URLs takes. Tests that
 * use it must not run in parallel within one JVM (they share the Redis). Usage:
 * <pre>{@code
 * try (Storage s = StorageFixture.shared().freshStorage(clock)) { ... s.tickets() ... }
 * }</pre>
 * Process-wide by design (servers are expensive); nothing else in the code base is static.
 */
public final class StorageFixture {

    public static final String APP_ROLE = "hotline_app";
    public static final String APP_PASSWORD = "hotline-test-only";

    private static StorageFixture shared;

    private final Path root;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;
    private final AtomicInteger databases = new AtomicInteger();

    private StorageFixture(Path root) {
        this.root = root;
        this.postgres = EmbeddedPostgresServer.start(root.resolve("postgres"));
        this.redis = EmbeddedRedisServer.start(root.resolve("redis"));
        PgSchema.ensureAppRole(postgres.superuser("postgres"), APP_ROLE, APP_PASSWORD, true);
    }

    /** The servers of this JVM, started on first call. */
    public static synchronized StorageFixture shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("hotline-storage-test");
                StorageFixture f = new StorageFixture(root);
                Runtime.getRuntime().addShutdownHook(new Thread(f::shutdown, "storage-fixture-shutdown"));
                shared = f;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for test servers", e);
            }
        }
        return shared;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedRedisServer redis() {
        return redis;
    }

    /** Creates an empty database (not migrated); returns its name. */
    public String newDatabase() {
        String name = "t_" + databases.incrementAndGet();
        PgSchema.ensureDatabase(postgres.superuser("postgres"), name);
        return name;
    }

    /** The owner (superuser) of {@code database}. */
    public PgEndpoint owner(String database) {
        return postgres.superuser(database);
    }

    /** The application role on {@code database}. */
    public PgEndpoint app(String database) {
        return new PgEndpoint(postgres.jdbcUrl(database), APP_ROLE, APP_PASSWORD);
    }

    /** Empties Redis. */
    public void flushRedis() {
        try (JedisPooled j = new JedisPooled("127.0.0.1", redis.port())) {
            j.flushAll();
        }
    }

    /** A config for a new empty database and an empty Redis, spool and data in a new directory. */
    public StorageConfig freshConfig() {
        String db = newDatabase();
        flushRedis();
        try {
            Path dataDir = Files.createDirectories(root.resolve("data-" + db));
            return new StorageConfig(postgres.jdbcUrl(db), APP_ROLE, APP_PASSWORD,
                    EmbeddedPostgresServer.SUPERUSER, null, redis.url(), dataDir,
                    new StorageConfig.Tuning(16, Duration.ofSeconds(2), 256, 10_000, Duration.ofMillis(200)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A second instance of the service on the same servers as {@code first}: the same database
     * and Redis, its own data directory (spool, journal, lock).
     */
    public StorageConfig secondInstance(StorageConfig first) {
        try {
            return new StorageConfig(first.postgresUrl(), first.postgresUser(), first.postgresPassword(),
                    first.postgresOwnerUser(), first.postgresOwnerPassword(), first.redisUrl(),
                    Files.createTempDirectory(root, "second-instance"), first.tuning());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Storage on a fresh database and an empty Redis. Close it at the end of the test. */
    public Storage freshStorage(Clock clock) {
        return Storage.start(freshConfig(), clock);
    }

    private void shutdown() {
        try {
            redis.close();
        } finally {
            postgres.close();
            deleteQuietly(root);
        }
    }

    /** Deletes a directory tree, ignoring failures (test clean-up). */
    public static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
