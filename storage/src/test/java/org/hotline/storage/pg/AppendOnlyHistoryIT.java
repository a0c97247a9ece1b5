package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.ticket.CallIntake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The history cannot be altered: the application role lacks the rights, and a trigger stops even the owner. */
class AppendOnlyHistoryIT {

    static Storage storage;
    static String db;

    @BeforeAll
    static void start() {
        StorageConfig config = StorageFixture.shared().freshConfig();
        db = config.postgresUrl().substring(config.postgresUrl().lastIndexOf('/') + 1);
        storage = Storage.start(config, Clock.systemUTC());
        storage.tickets().openForCall(new CallIntake("complaints", "1", "x", "u1", "l1", Clock.systemUTC().instant()));
    }

    @AfterAll
    static void stop() {
        storage.close();
    }

    static void exec(PgEndpoint as, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(as.url(), as.user(), as.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncateHistory() {
        PgEndpoint app = StorageFixture.shared().app(db);
        assertThatThrownBy(() -> exec(app, "UPDATE ticket_events SET note = 'forged'"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> exec(app, "DELETE FROM ticket_events"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> exec(app, "TRUNCATE ticket_events"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> exec(app, "DELETE FROM shift_handovers"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void anAlertIsOnlyEverAcknowledgedOnceAndNeverDeleted() throws SQLException {
        storage.alerts().raise("major/9", "major-complaint", "Major complaint", 9, java.util.List.of("li"), true,
                Clock.systemUTC().instant());
        long id = storage.alerts().recent(true, 1, 0).get(0).id();
        PgEndpoint app = StorageFixture.shared().app(db);
        exec(app, "UPDATE alerts SET acknowledged_by = 'li', acknowledged_at = now() WHERE id = " + id);
        assertThatThrownBy(() -> exec(app, "UPDATE alerts SET acknowledged_by = 'mallory' WHERE id = " + id))
                .hasMessageContaining("only ever acknowledged");
        assertThatThrownBy(() -> exec(app, "DELETE FROM alerts")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> exec(StorageFixture.shared().owner(db), "DELETE FROM alerts"))
                .hasMessageContaining("alerts are kept");
        assertThat(storage.alerts().find(id).orElseThrow().acknowledgedBy()).isEqualTo("li");
    }

    @Test
    void evenTheOwnerIsStoppedByTheTrigger() {
        PgEndpoint owner = StorageFixture.shared().owner(db);
        assertThatThrownBy(() -> exec(owner, "UPDATE ticket_events SET note = 'forged'"))
                .hasMessageContaining("ticket_events is append-only: UPDATE");
        assertThatThrownBy(() -> exec(owner, "DELETE FROM ticket_events"))
                .hasMessageContaining("ticket_events is append-only: DELETE");
        assertThatThrownBy(() -> exec(owner, "TRUNCATE ticket_events CASCADE"))
                .hasMessageContaining("ticket_events is append-only: TRUNCATE");
        assertThat(storage.tickets().history(1)).hasSize(1);
    }

    @Test
    void theApplicationRoleIsNotTheOwnerOfTheTables() throws SQLException {
        PgEndpoint app = StorageFixture.shared().app(db);
        assertThatThrownBy(() -> exec(app, "ALTER TABLE ticket_events DISABLE TRIGGER ALL"))
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> exec(app, "DROP TABLE ticket_events")).hasMessageContaining("must be owner");
        exec(app, "INSERT INTO ticket_events (ticket_id, seq, at, actor, actor_role, action, to_state) "
                + "VALUES (1, 2, now(), 'x', 'SYSTEM', 'note', 'ACCEPTED')");
    }
}
