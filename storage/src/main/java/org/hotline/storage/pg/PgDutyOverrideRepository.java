package org.hotline.storage.pg;

import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.DutyOverrideStore;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Duty-roster overrides saved in the panel, on PostgreSQL table {@code duty_overrides}: one per
 * roster and duty day, so they outlive a restart and are shared by every instance of the
 * service. Person ids and notes are stored through {@link TextRule}. Thread-safe.
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
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT roster, duty_date, duty_a, duty_b, note FROM duty_overrides ORDER BY roster, duty_date")) {
                List<DutyOverride> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DutyOverride(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    /** Saves {@code o}, replacing any override of the same roster and day; returns what was stored. */
    @Override
    public DutyOverride save(DutyOverride o) {
        DutyOverride clean = new DutyOverride(TextRule.shortText(o.roster()), o.date(), TextRule.shortText(o.dutyA()),
                o.dutyB() == null || o.dutyB().isBlank() ? null : TextRule.shortText(o.dutyB()),
                TextRule.longText(o.note()));
        tx.autoCommit("save a duty override", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO duty_overrides (roster, duty_date, duty_a, duty_b, note, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (roster, duty_date) DO UPDATE
                       SET duty_a = EXCLUDED.duty_a, duty_b = EXCLUDED.duty_b, note = EXCLUDED.note,
                           saved_at = EXCLUDED.saved_at""")) {
                ps.setString(1, clean.roster());
                ps.setDate(2, Date.valueOf(clean.date()));
                ps.setString(3, clean.dutyA());
                ps.setString(4, clean.dutyB());
                ps.setString(5, clean.note());
                ps.setTimestamp(6, TicketRows.timestamp(clock.instant()));
                return ps.executeUpdate();
            }
        });
        return clean;
    }

    /** Removes the override of {@code roster} on {@code date}; whether there was one. */
    @Override
    public boolean remove(String roster, LocalDate date) {
        return tx.autoCommit("remove a duty override", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM duty_overrides WHERE roster = ? AND duty_date = ?")) {
                ps.setString(1, roster);
                ps.setDate(2, Date.valueOf(date));
                return ps.executeUpdate() > 0;
            }
        });
    }
}
