package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.ticket.AuditEntry;

/**
 * Roster overrides saved in the panel (duty and lunch slots), on PostgreSQL table
 * {@code duty_overrides}: one row per roster and duty day, so they outlive a restart and are
 * shared by every instance of the service (the table's change notice tells them). A change and
 * its audit entry ({@code audit_events}) are written in one transaction. Person ids and notes are
 * stored through {@link TextRule}. Thread-safe.
 */
public final class PgDutyOverrideRepository implements DutyOverrideStore {

    private final PgTransaction tx;
    private final Clock clock;

    public PgDutyOverrideRepository(DataSource dataSource, Clock clock) {
        this.tx = new PgTransaction(dataSource);
        this.clock = clock;
    }

    /** Every saved override, by roster then date. */
    @Override
    public List<DutyOverride> list() {
        return tx.autoCommit("read duty overrides", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT roster, duty_date, duty_a, duty_b, lunch_a, lunch_b, note
                      FROM duty_overrides ORDER BY roster, duty_date""")) {
                List<DutyOverride> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DutyOverride(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    /** Saves and removes what the change says and appends its audit entry, in one transaction. */
    @Override
    public AuditEntry apply(RosterChange change) {
        return tx.inTransaction("change the roster (" + change.audit().action() + ")", c -> {
            for (DutyOverride o : change.saves()) {
                upsert(c, o, change.audit().actor());
            }
            for (RosterChange.Day d : change.removals()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM duty_overrides WHERE roster = ? AND duty_date = ?")) {
                    ps.setString(1, d.roster());
                    ps.setDate(2, Date.valueOf(d.date()));
                    ps.executeUpdate();
                }
            }
            return PgAuditRepository.insert(c, change.audit());
        });
    }

    private void upsert(Connection c, DutyOverride o, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO duty_overrides (roster, duty_date, duty_a, duty_b, lunch_a, lunch_b, note, saved_at, saved_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (roster, duty_date) DO UPDATE
                   SET duty_a = EXCLUDED.duty_a, duty_b = EXCLUDED.duty_b, lunch_a = EXCLUDED.lunch_a,
                       lunch_b = EXCLUDED.lunch_b, note = EXCLUDED.note, saved_at = EXCLUDED.saved_at,
                       saved_by = EXCLUDED.saved_by""")) {
            ps.setString(1, TextRule.shortText(o.roster()));
            ps.setDate(2, Date.valueOf(o.date()));
            ps.setString(3, id(o.dutyA()));
            ps.setString(4, id(o.dutyB()));
            ps.setString(5, id(o.lunchA()));
            ps.setString(6, id(o.lunchB()));
            ps.setString(7, TextRule.longText(o.note()));
            ps.setTimestamp(8, TicketRows.timestamp(clock.instant()));
            ps.setString(9, TextRule.shortText(actor));
            ps.executeUpdate();
        }
    }

    private static String id(String personId) {
        return personId == null ? null : TextRule.shortText(personId);
    }
}
