package org.hotline.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where tickets and queues live (configuration section {@code storage}). Leave
 * {@code postgresUrl} out to run the embedded PostgreSQL under {@code dataDir/postgres}, and
 * {@code redisUrl} out to run the embedded Redis under {@code dataDir/redis}. The intake spool is
 * always {@code dataDir/spool}.
 *
 * @param postgresUrl           {@code storage.postgres-url}, a {@code jdbc:postgresql://} URL, or {@code null}
 * @param postgresUser          {@code storage.postgres-user}: the application role (required with a URL)
 * @param postgresPassword      {@code storage.postgres-password}
 * @param postgresOwnerUser     {@code storage.postgres-owner-user}: role that runs migrations and owns the
 *                              tables; {@code null} means the application role migrates itself
 * @param postgresOwnerPassword {@code storage.postgres-owner-password}
 * @param redisUrl              {@code storage.redis-url}, {@code redis://host:port}, or {@code null}
 * @param dataDir               {@code storage.data-dir}
 * @param tuning                pool sizes and timings
 * @param cdrPassword           {@code storage.cdr-password}: the password Asterisk's cdr_pgsql logs in
 *                              with as role {@code hotline_cdr} (INSERT into {@code cdr} only);
 *                              {@code null}: the role is left as it is (no login unless a DBA gave one)
 */
public record StorageConfig(String postgresUrl, String postgresUser, String postgresPassword,
        String postgresOwnerUser, String postgresOwnerPassword, String redisUrl, Path dataDir, Tuning tuning,
        String cdrPassword) {

    /** {@code storage.data-dir} when left out: relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of(".hotline", "data");

    /** A configuration without a password for Asterisk's call-record role. */
    public StorageConfig(String postgresUrl, String postgresUser, String postgresPassword, String postgresOwnerUser,
            String postgresOwnerPassword, String redisUrl, Path dataDir, Tuning tuning) {
        this(postgresUrl, postgresUser, postgresPassword, postgresOwnerUser, postgresOwnerPassword, redisUrl, dataDir,
                tuning, null);
    }

    /**
     * @param postgresPoolSize      application connections to PostgreSQL
     * @param postgresConnectTimeout how long a call waits for a connection before its intake is spooled
     * @param redisPoolSize         pooled Redis connections
     * @param streamMaxLength       entries each event stream keeps (approximately)
     * @param maintenanceInterval   period of spool replay, outbox drain, lease expiry and flush detection
     */
    public record Tuning(int postgresPoolSize, Duration postgresConnectTimeout, int redisPoolSize,
            long streamMaxLength, Duration maintenanceInterval) {
        public Tuning {
            if (postgresPoolSize < 1 || redisPoolSize < 1 || streamMaxLength < 1) {
                throw new IllegalArgumentException("storage pool sizes and stream length must be positive");
            }
            Objects.requireNonNull(postgresConnectTimeout, "postgresConnectTimeout");
            Objects.requireNonNull(maintenanceInterval, "maintenanceInterval");
        }

        public static Tuning defaults() {
            return new Tuning(16, Duration.ofSeconds(2), 64, 10_000, Duration.ofMillis(500));
        }
    }

    public StorageConfig {
        Objects.requireNonNull(dataDir, "storage.data-dir is required");
        tuning = tuning == null ? Tuning.defaults() : tuning;
        if (postgresUrl != null && !postgresUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("storage.postgres-url must start with jdbc:postgresql://, was '"
                    + postgresUrl + "'");
        }
        if (postgresUrl != null && (postgresUser == null || postgresUser.isBlank())) {
            throw new IllegalArgumentException("storage.postgres-user is required when storage.postgres-url is set");
        }
        if (postgresUrl == null && (postgresUser != null || postgresOwnerUser != null)) {
            throw new IllegalArgumentException("storage.postgres-user/-owner-user need storage.postgres-url; "
                    + "leave all three out to use the embedded PostgreSQL");
        }
    }

    /** Embedded PostgreSQL and Redis, data under {@code dataDir}. */
    public static StorageConfig embedded(Path dataDir) {
        return new StorageConfig(null, null, null, null, null, null, dataDir, Tuning.defaults());
    }

    public StorageConfig withTuning(Tuning t) {
        return new StorageConfig(postgresUrl, postgresUser, postgresPassword, postgresOwnerUser,
                postgresOwnerPassword, redisUrl, dataDir, t, cdrPassword);
    }

    /** This configuration with {@code storage.cdr-password} set. */
    public StorageConfig withCdrPassword(String password) {
        return new StorageConfig(postgresUrl, postgresUser, postgresPassword, postgresOwnerUser,
                postgresOwnerPassword, redisUrl, dataDir, tuning, password);
    }

    @Override
    public String toString() {
        return "StorageConfig[postgres=" + (postgresUrl == null ? "embedded" : postgresUser + "@" + postgresUrl)
                + ", redis=" + (redisUrl == null ? "embedded" : redisUrl.replaceAll("//[^@/]*@", "//***@"))
                + ", dataDir=" + dataDir + ", cdrPassword=" + (cdrPassword == null ? "not set" : "***") + "]";
    }
}
