package org.hotline.bench;

import java.nio.file.Path;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.embedded.EmbeddedRedisServer;
import org.hotline.storage.pg.PgSchema;

/** The storage the benchmarks run the real service's code on: embedded servers, the application role. */
public final class BenchStorage {
    private BenchStorage() {
    }

    /**
     * Creates the application role {@code hotline_app} on {@code pg} and returns the configuration
     * the service would have on these servers, its data under {@code work/data}.
     */
    public static StorageConfig appConfig(EmbeddedPostgresServer pg, EmbeddedRedisServer redis, Path work) {
        PgSchema.ensureAppRole(pg.superuser("postgres"), "hotline_app", "bench", true);
        return new StorageConfig(pg.jdbcUrl("postgres"), "hotline_app", "bench", EmbeddedPostgresServer.SUPERUSER, null,
                redis.url(), work.resolve("data"), StorageConfig.Tuning.defaults());
    }
}
