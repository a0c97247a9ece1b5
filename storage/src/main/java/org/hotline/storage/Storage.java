package org.hotline.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import org.hotline.storage.embedded.DataDirectoryLock;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.embedded.EmbeddedRedisServer;
import org.hotline.storage.pg.OutboxRelay;
import org.hotline.storage.pg.PgAuditRepository;
import org.hotline.storage.pg.PgCallRecordRepository;
import org.hotline.storage.pg.PgDepartmentRepository;
import org.hotline.storage.pg.PgSessionRepository;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.store.SessionStore;
import org.hotline.storage.pg.PgChangeListener;
import org.hotline.storage.pg.PgEndpoint;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.storage.pg.PgDutyOverrideRepository;
import org.hotline.storage.pg.PgHandoverRepository;
import org.hotline.storage.pg.PgSchema;
import org.hotline.storage.pg.PgKpiRollup;
import org.hotline.storage.pg.PgTicketFacts;
import org.hotline.storage.pg.PgReportRepository;
import org.hotline.storage.pg.PgTicketRepository;
import org.hotline.storage.pg.PgUserRepository;
import org.hotline.storage.pg.PgSurveyRepository;
import org.hotline.storage.pg.PgNotificationOutbox;
import org.hotline.domain.notify.NotificationOutbox;
import org.hotline.storage.redis.RedisClients;
import org.hotline.storage.redis.RedisDispatchQueue;
import org.hotline.storage.redis.RedisEventStream;
import org.hotline.storage.redis.RedisPresenceStore;
import org.hotline.storage.redis.RedisRebuilder;
import org.hotline.storage.spool.IntakeSpool;
import org.hotline.storage.spool.SpoolingTicketStore;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.HandoverStore;
import org.hotline.domain.store.PresenceStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.survey.SurveyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The storage side of the service, wired once: starts the embedded servers when no URL is
 * configured, migrates the schema, opens the pools and returns the port implementations. One
 * background thread keeps things in step every {@code maintenanceInterval}: replays the intake
 * spool, drains the outbox into the dispatch queues, returns expired leases, and rebuilds the
 * queues from PostgreSQL when Redis was flushed. {@link #close()} stops all of it, then the
 * embedded servers. Thread-safe after {@link #start}.
 *
 * <p>The data directory belongs to one live service at a time: {@link #start} locks
 * {@code data-dir/hotline.lock} (an OS lock, released when the process dies however it dies) and
 * refuses with one clear message while another hotline holds it. Holding it, the embedded servers
 * may stop whatever a killed predecessor left running on their directories. An embedded server that
 * dies while the service runs is started again by itself; until then intake is spooled.
 *
 * <p>Roles: on the embedded server the superuser {@code postgres} migrates database
 * {@code hotline} and the service connects as {@code hotline_app} (password regenerated at each
 * start). On a real server the owner role ({@code postgres-owner-user}, or the application role
 * itself) migrates and the application role connects.
 */
public final class Storage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Storage.class);

    /** The application role created on the embedded server. */
    public static final String EMBEDDED_APP_ROLE = "hotline_app";
    /** The database used on the embedded server. */
    public static final String EMBEDDED_DATABASE = "hotline";

    /** The lock file that makes a data directory one service's. */
    public static final String LOCK_FILE = "hotline.lock";

    /** Ticket numbers reserved per round trip; a refill starts when half are used. */
    public static final int TICKET_NUMBER_BLOCK = 1000;

    private final DataDirectoryLock lock;
    private final EmbeddedPostgresServer embeddedPg;
    private final EmbeddedRedisServer embeddedRedis;
    private final HikariDataSource dataSource;
    private final UnifiedJedis redis;
    private final PgTicketRepository repository;
    private final SpoolingTicketStore tickets;
    private final org.hotline.storage.pg.TicketNumberBlocks ticketNumbers;
    private final java.nio.file.Path dataDir;
    private final RedisDispatchQueue queue;
    private final RedisEventStream events;
    private final RedisPresenceStore presence;
    private final PgUserRepository users;
    private final PgDepartmentRepository departments;
    private final PgHandoverRepository handovers;
    private final PgDutyOverrideRepository dutyOverrides;
    private final org.hotline.storage.pg.PgAlertRepository alerts;
    private final PgAuditRepository audit;
    private final Clock clock;
    private final PgCallRecordRepository callRecords;
    private final SurveyStore surveys;
    private final NotificationOutbox notifications;
    private final OutboxRelay outbox;
    private final RedisRebuilder rebuilder;
    private final ScheduledExecutorService maintenance;
    private final PgTicketFacts facts;
    private final PgReportRepository reports;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** How long the outbox relay waits after a commit for more to drain at once. */
    private static final long OUTBOX_LINGER_MS = 20;
    private final PgEndpoint appEndpoint;

    private Storage(StorageConfig config, Clock clock, StepRule steps, DataDirectoryLock lock,
            EmbeddedPostgresServer embeddedPg, EmbeddedRedisServer embeddedRedis, PgEndpoint app, String redisUrl) {
        this.lock = lock;
        this.embeddedPg = embeddedPg;
        this.embeddedRedis = embeddedRedis;
        StorageConfig.Tuning tuning = config.tuning();
        this.dataSource = PgSchema.pool(app, tuning.postgresPoolSize(), tuning.postgresConnectTimeout());
        this.redis = RedisClients.connect(redisUrl, tuning.redisPoolSize());
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotline-storage-maintenance");
            t.setDaemon(true);
            return t;
        });
        this.queue = new RedisDispatchQueue(redis, clock);
        PgKpiRollup rollup = new PgKpiRollup(dataSource, steps, clock.getZone());
        this.repository = new PgTicketRepository(dataSource, clock, this::drainSoon, rollup);
        this.tickets = new SpoolingTicketStore(repository, new IntakeSpool(config.dataDir().resolve("spool")));
        this.ticketNumbers = new org.hotline.storage.pg.TicketNumberBlocks(dataSource, clock.getZone(), clock,
                TICKET_NUMBER_BLOCK);
        this.dataDir = config.dataDir();
        this.events = new RedisEventStream(redis, tuning.streamMaxLength());
        this.presence = new RedisPresenceStore(redis, clock);
        this.users = new PgUserRepository(dataSource);
        this.departments = new PgDepartmentRepository(dataSource);
        this.handovers = new PgHandoverRepository(dataSource);
        this.dutyOverrides = new PgDutyOverrideRepository(dataSource, clock);
        this.audit = new PgAuditRepository(dataSource);
        this.alerts = new org.hotline.storage.pg.PgAlertRepository(dataSource);
        this.clock = clock;
        this.appEndpoint = app;
        this.callRecords = new PgCallRecordRepository(dataSource, clock);
        this.surveys = new PgSurveyRepository(dataSource);
        this.notifications = new PgNotificationOutbox(dataSource);
        this.facts = new PgTicketFacts(dataSource, rollup);
        this.reports = new PgReportRepository(dataSource);
        this.outbox = new OutboxRelay(dataSource, repository, queue, events);
        this.rebuilder = new RedisRebuilder(redis, queue, repository::awaitingAgent, repository::claimedBeforeDispatch,
                clock, org.hotline.domain.store.ClaimHolds.DEFAULT_LEASE);
    }

    /**
     * Starts storage as configured.
     *
     * @throws IllegalStateException with what to do when a server cannot be reached or prepared, or
     *         the data directory is another live service's ({@link DataDirectoryLock.InUseException})
     */
    public static Storage start(StorageConfig config, Clock clock) {
        return start(config, clock, StepRule.DEFAULTS);
    }

    /**
     * Starts storage as configured, keeping the reports' daily sums with {@code steps} (which
     * status meets a deadline step: the configured policies' {@code done-at}). A report uses the
     * sums only when computed with the same {@code steps} instance
     * ({@link PgTicketFacts#rollup}).
     *
     * @throws IllegalStateException as {@link #start(StorageConfig, Clock)}
     */
    public static Storage start(StorageConfig config, Clock clock, StepRule steps) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir().resolve(LOCK_FILE), "hotline");
        EmbeddedPostgresServer pg = null;
        EmbeddedRedisServer rs = null;
        try {
            PgEndpoint owner;
            PgEndpoint app;
            if (config.postgresUrl() == null) {
                pg = EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"));
                PgSchema.ensureDatabase(pg.superuser("postgres"), EMBEDDED_DATABASE);
                owner = pg.superuser(EMBEDDED_DATABASE);
                String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                PgSchema.ensureAppRole(owner, EMBEDDED_APP_ROLE, password, true);
                app = new PgEndpoint(owner.url(), EMBEDDED_APP_ROLE, password);
            } else {
                app = new PgEndpoint(config.postgresUrl(), config.postgresUser(), config.postgresPassword());
                owner = config.postgresOwnerUser() == null ? app
                        : new PgEndpoint(config.postgresUrl(), config.postgresOwnerUser(), config.postgresOwnerPassword());
                if (!owner.user().equals(app.user())) {
                    PgSchema.ensureAppRole(owner, app.user(), app.password(), false);
                }
            }
            PgSchema.migrate(owner, app.user());
            if (config.cdrPassword() != null) {
                try {
                    PgSchema.enableCdrRole(owner, config.cdrPassword());
                } catch (IllegalStateException e) {
                    log.warn("Asterisk cannot write call records: {}", e.getMessage());
                }
            }
            String redisUrl = config.redisUrl();
            if (redisUrl == null) {
                rs = EmbeddedRedisServer.start(config.dataDir().resolve("redis"));
                redisUrl = rs.url();
            }
            Storage s = new Storage(config, clock, steps, lock, pg, rs, app, redisUrl);
            s.begin(config);
            log.info("storage started: {}", config);
            return s;
        } catch (RuntimeException e) {
            if (rs != null) {
                rs.close();
            }
            if (pg != null) {
                pg.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Follows changes any instance (or {@code hotline.jar user ...}) commits to the tables every
     * instance must follow at once ({@code duty_overrides}, {@code users}): {@code onChange} is told
     * the table's name within about a quarter of a second of the commit, and
     * {@link PgChangeListener#EVERYTHING} after every (re)connect. The caller closes it (before
     * this storage).
     */
    public AutoCloseable followChanges(java.util.function.Consumer<String> onChange) {
        return new PgChangeListener(appEndpoint, onChange, Duration.ofSeconds(1));
    }

    private void begin(StorageConfig config) {
        tickets.replaySpool();
        quietly("write the report facts of tickets that have none", () -> {
            int n = facts.backfill(repository);
            if (n > 0) {
                log.info("report facts folded from the history of {} tickets written before they were kept", n);
            }
        });
        quietly("check which deadline rule the reports' daily sums are counted with", () -> {
            if (facts.countWithRule()) {
                log.info("the reports' daily sums were counted with other deadline steps' done-at: counting them again");
            }
        });
        quietly("add the report facts written before the daily sums were kept to them", () -> {
            int n = facts.rollUp();
            if (n > 0) {
                log.info("report facts of {} tickets added to the daily sums", n);
            }
        });
        outbox.drainAll();
        rebuilder.rebuild();
        long ms = config.tuning().maintenanceInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::maintain, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One round of upkeep; each part is independent and failures are logged, not thrown. */
    void maintain() {
        quietly("replay the intake spool", () -> {
            if (tickets.hasSpooled()) {
                tickets.replaySpool();
            }
        });
        quietly("drain the outbox", outbox::drainAll);
        quietly("check the Redis queues", rebuilder::rebuildIfLost);
        quietly("expire leases", queue::expireLeases);
        quietly("add new tickets' report facts to the daily sums", facts::rollUp);
    }

    private void drainSoon() {
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                // the changes of the next few milliseconds ride along: one relay transaction for them all
                maintenance.schedule(() -> {
                    drainScheduled.set(false);
                    quietly("drain the outbox", outbox::drainAll);
                }, OUTBOX_LINGER_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drainScheduled.set(false);
            }
        }
    }

    private static void quietly(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("storage maintenance could not {}: {}", what, e.getMessage());
        }
    }

    /** The stored facts reports and KPIs are computed from ({@code ticket_facts}, Asterisk's {@code cdr}). */
    public PgTicketFacts ticketFacts() {
        return facts;
    }

    /** The generated reports ({@code reports}). */
    public PgReportRepository reports() {
        return reports;
    }

    /** Tickets (PostgreSQL, with the intake spool in front). */
    public TicketStore tickets() {
        return tickets;
    }

    /**
     * Ticket numbers reserved ahead in blocks of {@value #TICKET_NUMBER_BLOCK} from the intake's own
     * sequence: the IVR tells a caller the number without waiting for the ticket's write.
     */
    public org.hotline.storage.pg.TicketNumberBlocks ticketNumbers() {
        return ticketNumbers;
    }

    /**
     * The directory of the IVR's write-behind intake journal ({@code data-dir/spool/journal}): local,
     * durable disk, like the outage spool beside it.
     */
    public java.nio.file.Path intakeJournalDir() {
        return dataDir.resolve("spool").resolve("journal");
    }

    /** The spooling store itself (to replay on demand, for tests and the health page). */
    public SpoolingTicketStore spoolingTickets() {
        return tickets;
    }

    /** The dispatch queues (Redis). */
    public DispatchQueue queue() {
        return queue;
    }

    public EventStream events() {
        return events;
    }

    public PresenceStore presence() {
        return presence;
    }

    public UserStore users() {
        return users;
    }

    public DepartmentStore departments() {
        return departments;
    }

    public HandoverStore handovers() {
        return handovers;
    }

    /** The alerts raised and their acknowledgements (PostgreSQL). */
    public org.hotline.domain.notify.AlertStore alerts() {
        return alerts;
    }

    /** The audit trail of administrative acts (PostgreSQL, append-only). */
    public AuditTrail audit() {
        return audit;
    }

    /** Panel sessions in PostgreSQL, ending after {@code idleTimeout} without a request. */
    public SessionStore sessions(java.time.Duration idleTimeout) {
        return new PgSessionRepository(dataSource, clock, idleTimeout);
    }

    /** Notifications waiting to leave the panel, sent ones and dead letters (PostgreSQL). */
    public NotificationOutbox notifications() {
        return notifications;
    }

    /** The satisfaction call-backs and their attempts (PostgreSQL). */
    public SurveyStore surveys() {
        return surveys;
    }

    /** Duty-roster overrides saved in the panel (PostgreSQL). */
    public DutyOverrideStore dutyOverrides() {
        return dutyOverrides;
    }

    /** Asterisk's call records (table {@code cdr}, written by cdr_pgsql) and what was reconciled. */
    public PgCallRecordRepository callRecords() {
        return callRecords;
    }

    public RedisRebuilder rebuilder() {
        return rebuilder;
    }

    public OutboxRelay outbox() {
        return outbox;
    }

    /** The application role's pool (for the health check and tests). */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** The Redis client (for the health check and tests). */
    public UnifiedJedis redis() {
        return redis;
    }

    /** The embedded PostgreSQL, when no URL is configured. */
    public Optional<EmbeddedPostgresServer> embeddedPostgres() {
        return Optional.ofNullable(embeddedPg);
    }

    /** The embedded Redis, when no URL is configured. */
    public Optional<EmbeddedRedisServer> embeddedRedis() {
        return Optional.ofNullable(embeddedRedis);
    }

    /** Readiness of PostgreSQL: a connection validates within a second. */
    public boolean postgresReady() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    /** Readiness of Redis: PING answers. */
    public boolean redisReady() {
        try {
            return "PONG".equals(redis.ping());
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        ticketNumbers.close();
        maintenance.shutdownNow();
        try {
            maintenance.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        redis.close();
        dataSource.close();
        if (embeddedRedis != null) {
            embeddedRedis.close();
        }
        if (embeddedPg != null) {
            embeddedPg.close();
        }
        lock.close();
    }
}
