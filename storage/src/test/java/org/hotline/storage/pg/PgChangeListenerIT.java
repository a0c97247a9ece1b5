package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.Test;

/**
 * Two instances of storage on one PostgreSQL (each with its own data directory, as two `run`
 * processes are): what one commits to the roster overrides or the users reaches the other's
 * change listener within a second, and a listener whose connection is cut listens again and says
 * that anything may have changed meanwhile.
 */
class PgChangeListenerIT {

    @Test
    void aChangeCommittedByOneInstanceReachesTheOtherWithinASecond() throws Exception {
        Clock clock = Clock.systemUTC();
        StorageConfig first = StorageFixture.shared().freshConfig();
        StorageConfig second = StorageFixture.shared().secondInstance(first);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (Storage one = Storage.start(first, clock); Storage two = Storage.start(second, clock);
             AutoCloseable listener = two.followChanges(seen::add)) {
            assertThat(seen.poll(5, TimeUnit.SECONDS)).as("told everything once listening").isEqualTo(PgChangeListener.EVERYTHING);

            long t0 = System.nanoTime();
            save(one, new DutyOverride("main", LocalDate.of(2026, 12, 25), "sun", "li", "Wang on leave"));
            assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("duty_overrides");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            // a lunch turn is a change of the same table: the other instance is told and reads it
            save(one, new DutyOverride("main", LocalDate.of(2026, 12, 24), null, null, "zhao", "sun", "lunch swap"));
            assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("duty_overrides");
            assertThat(two.dutyOverrides().list()).extracting(DutyOverride::lunchA).containsExactly("zhao", null);

            one.users().create(new User("lin", "Lin Hong", Role.AGENT, "x", "PJSIP/1001", true, null, null, false));
            assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("users");
            one.dutyOverrides().apply(RosterChange.remove("main", LocalDate.of(2026, 12, 25), audit()));
            assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("duty_overrides");
            assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).as("nothing else").isNull();

            // the listener's connection is cut (a PostgreSQL restart, a fail-over): it listens again
            EmbeddedPostgresServer pg = StorageFixture.shared().postgres();
            var su = pg.superuser("postgres");
            try (Connection c = DriverManager.getConnection(su.url(), su.user(), "");
                 Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'hotline change listener' AND pid <> pg_backend_pid()");
            }
            assertThat(seen.poll(10, TimeUnit.SECONDS)).as("told everything again after reconnecting")
                    .isEqualTo(PgChangeListener.EVERYTHING);
            save(one, new DutyOverride("main", LocalDate.of(2026, 12, 26), "li", null, null));
            assertThat(seen.poll(1, TimeUnit.SECONDS)).isEqualTo("duty_overrides");
        }
    }

    private static void save(Storage s, DutyOverride o) {
        s.dutyOverrides().apply(RosterChange.save(o, audit()));
    }

    private static AuditEntry audit() {
        return AuditEntry.of(java.time.Instant.now(), "sam", "roster.override_saved", "main", java.util.Map.of());
    }
}
