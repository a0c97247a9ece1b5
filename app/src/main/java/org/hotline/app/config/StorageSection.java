package org.hotline.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code storage} section. A URL left out means "run the embedded server", keeping its data
 * under {@code dataDir} (a path as written, resolved against the working directory).
 */
public record StorageSection(
        Optional<String> postgresUrl,
        Optional<String> postgresUser,
        Optional<String> postgresPassword,
        Optional<String> postgresOwnerUser,
        Optional<String> postgresOwnerPassword,
        Optional<String> redisUrl,
        Path dataDir,
        Optional<String> cdrPassword) {

    public static final Path DEFAULT_DATA_DIR = Path.of(".hotline", "data");

    public StorageSection {
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        Objects.requireNonNull(postgresUser, "postgresUser");
        Objects.requireNonNull(postgresPassword, "postgresPassword");
        Objects.requireNonNull(postgresOwnerUser, "postgresOwnerUser");
        Objects.requireNonNull(postgresOwnerPassword, "postgresOwnerPassword");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(cdrPassword, "cdrPassword");
    }

    /** The section without {@code cdr-password}. */
    public StorageSection(Optional<String> postgresUrl, Optional<String> postgresUser, Optional<String> postgresPassword,
            Optional<String> postgresOwnerUser, Optional<String> postgresOwnerPassword, Optional<String> redisUrl,
            Path dataDir) {
        this(postgresUrl, postgresUser, postgresPassword, postgresOwnerUser, postgresOwnerPassword, redisUrl, dataDir,
                Optional.empty());
    }

    public static StorageSection defaults() {
        return new StorageSection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(),
                DEFAULT_DATA_DIR);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "StorageSection[postgresUrl=" + postgresUrl + ", postgresUser=" + postgresUser
                + ", postgresPassword=" + postgresPassword.map(p -> "***")
                + ", postgresOwnerUser=" + postgresOwnerUser.orElse("-")
                + ", postgresOwnerPassword=" + postgresOwnerPassword.map(p -> "***") + ", redisUrl=" + redisUrl
                + ", dataDir=" + dataDir + ", cdrPassword=" + cdrPassword.map(p -> "***") + "]";
    }

    /** The storage module's configuration for this section (embedded servers where no URL is set). */
    public org.hotline.storage.StorageConfig storageConfig() {
        return new org.hotline.storage.StorageConfig(postgresUrl.orElse(null), postgresUser.orElse(null),
                postgresPassword.orElse(null), postgresOwnerUser.orElse(null), postgresOwnerPassword.orElse(null),
                redisUrl.orElse(null), dataDir, null, cdrPassword.orElse(null));
    }
}
