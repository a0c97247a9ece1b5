package org.hotline.storage.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.domain.testing.Conditions;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.pg.PgEndpoint;
import org.hotline.storage.pg.PgSchema;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stop PostgreSQL while calls are being taken, keep taking them, restart it: every call has its ticket. */
class SpoolIT {

    Path dir;
    EmbeddedPostgresServer pg;
    Storage storage;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("hotline-spool-it");
        pg = EmbeddedPostgresServer.start(dir.resolve("postgres"));
        PgSchema.ensureAppRole(pg.superuser("postgres"), "hotline_app", "spool-test", true);
        StorageFixture.shared().flushRedis();
        StorageConfig config = new StorageConfig(pg.jdbcUrl("postgres"), "hotline_app", "spool-test",
                EmbeddedPostgresServer.SUPERUSER, null, StorageFixture.shared().redis().url(), dir.resolve("data"),
                new StorageConfig.Tuning(8, Duration.ofMillis(300), 32, 1000, Duration.ofMillis(200)));
        storage = Storage.start(config, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (storage != null) {
            storage.close();
        }
        pg.close();
        StorageFixture.deleteQuietly(dir);
    }

    @Test
    void everyCallTakenWhileTheDatabaseWasDownGetsItsTicket() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger provisional = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int caller = c;
            fs.add(callers.submit(() -> {
                int i = 0;
                while (running.get()) {
                    String linkedid = "spool-" + caller + "-" + i++;
                    Ticket t = storage.tickets().openForCall(new CallIntake("complaints", "1390000" + caller,
                            "caller " + caller, "u-" + linkedid, linkedid, Clock.systemUTC().instant()));
                    calls.incrementAndGet();
                    if (t.isProvisional()) {
                        provisional.incrementAndGet();
                    }
                    t = storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR)
                            .withDescription("tap leaks, call " + linkedid));
                    storage.tickets().recordCallOutcome(t.id(), new CallOutcome.NoAnswer());
                }
                return null;
            }));
        }
        Conditions.await("calls taken with the database up", Duration.ofSeconds(30), () -> calls.get() >= 40);
        pg.stop();
        Conditions.await("calls taken while the database is down", Duration.ofSeconds(60),
                () -> provisional.get() >= 40);
        int duringOutage = calls.get();
        pg.start();
        Conditions.await("calls taken after the database came back", Duration.ofSeconds(60),
                () -> calls.get() >= duringOutage + 40);
        running.set(false);
        for (Future<?> f : fs) {
            f.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();
        assertThat(provisional.get()).as("some calls were taken while the database was down").isPositive();
        assertThat(calls.get()).isGreaterThan(duringOutage);

        Conditions.await("the spool to be replayed", Duration.ofSeconds(30),
                () -> !storage.spoolingTickets().hasSpooled());
        assertThat(storage.spoolingTickets().hasSpooled()).isFalse();
        PgEndpoint owner = pg.superuser("postgres");
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM tickets")).isEqualTo(calls.get());
            assertThat(count(s, "SELECT count(DISTINCT linkedid) FROM tickets")).isEqualTo(calls.get());
            assertThat(count(s, "SELECT count(*) FROM tickets WHERE kind = 'REPAIR' AND status = 'MISSED' "
                    + "AND callback_requested AND description LIKE 'tap leaks, call spool-%'")).isEqualTo(calls.get());
            assertThat(count(s, "SELECT count(*) FROM ticket_events WHERE action = 'opened'")).isEqualTo(calls.get());
        }
        assertThat(Files.exists(dir.resolve("data/spool/spool-rejected.jsonl"))).isFalse();
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
