package org.hotline.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.store.SessionStore;
import org.hotline.domain.store.UserStore;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.pg.PgAuditRepository;
import org.hotline.storage.pg.PgDepartmentRepository;
import org.hotline.storage.pg.PgEndpoint;
import org.hotline.storage.pg.PgSchema;
import org.hotline.storage.pg.PgSessionRepository;
import org.hotline.storage.pg.PgUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people side of storage (users, departments, sessions, the audit trail) on PostgreSQL
 * alone, for the administration commands ({@code hotline.jar user ...}). It works whether the
 * service runs or not:
 * <ul>
 *   <li>with {@code postgres-url} configured it connects there, like the service;</li>
 *   <li>on the embedded defaults, when the service runs on the same {@code data-dir} its
 *       embedded server is reached on the port its {@code postmaster.pid} names (as the
 *       cluster's superuser, over loopback); when the service does not run, this starts the
 *       embedded server on that directory for the command's duration and stops it on
 *       {@link #close}. Do not start the service while such a command runs.</li>
 * </ul>
 * Redis is not needed: sessions live in PostgreSQL, so ending a user's sessions from here ends
 * them in every running instance. Not thread-safe to open and close; the stores are.
 */
public final class DirectoryStorage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectoryStorage.class);

    private final EmbeddedPostgresServer startedHere;
    private final HikariDataSource dataSource;
    private final Clock clock;

    private DirectoryStorage(EmbeddedPostgresServer startedHere, HikariDataSource dataSource, Clock clock) {
        this.startedHere = startedHere;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** @throws IllegalStateException saying what to do when PostgreSQL cannot be reached or prepared */
    public static DirectoryStorage open(StorageConfig config, Clock clock) {
        EmbeddedPostgresServer pg = null;
        try {
            PgEndpoint owner;
            PgEndpoint app;
            if (config.postgresUrl() == null) {
                java.nio.file.Path dir = config.dataDir().resolve("postgres");
                Optional<Integer> running = EmbeddedPostgresServer.runningPort(dir);
                if (running.isPresent()) {
                    log.info("using the embedded PostgreSQL the running service started (port {})", running.get());
                    owner = EmbeddedPostgresServer.superuserAt(running.get(), Storage.EMBEDDED_DATABASE);
                } else {
                    pg = EmbeddedPostgresServer.start(dir);
                    PgSchema.ensureDatabase(pg.superuser("postgres"), Storage.EMBEDDED_DATABASE);
                    owner = pg.superuser(Storage.EMBEDDED_DATABASE);
                    PgSchema.ensureAppRole(owner, Storage.EMBEDDED_APP_ROLE, null, false);
                }
                PgSchema.migrate(owner, Storage.EMBEDDED_APP_ROLE);
                app = owner;
            } else {
                app = new PgEndpoint(config.postgresUrl(), config.postgresUser(), config.postgresPassword());
                owner = config.postgresOwnerUser() == null ? app
                        : new PgEndpoint(config.postgresUrl(), config.postgresOwnerUser(), config.postgresOwnerPassword());
                PgSchema.migrate(owner, app.user());
            }
            HikariDataSource ds = PgSchema.pool(app, 2, config.tuning().postgresConnectTimeout());
            return new DirectoryStorage(pg, ds, clock);
        } catch (RuntimeException e) {
            if (pg != null) {
                pg.close();
            }
            throw e;
        }
    }

    public UserStore users() {
        return new PgUserRepository(dataSource);
    }

    public DepartmentStore departments() {
        return new PgDepartmentRepository(dataSource);
    }

    public AuditTrail audit() {
        return new PgAuditRepository(dataSource);
    }

    /** The panel's sessions; only {@link SessionStore#removeUser} is meaningful from a command. */
    public SessionStore sessions(Duration idleTimeout) {
        return new PgSessionRepository(dataSource, clock, idleTimeout);
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }
}
