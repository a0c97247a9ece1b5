package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.domain.ticket.Handover;
import org.hotline.domain.store.HandoverStore;

/**
 * {@link HandoverStore} on PostgreSQL table {@code shift_handovers}; the application role may
 * only insert and read it. Thread-safe.
 */
public final class PgHandoverRepository implements HandoverStore {

    private final PgTransaction tx;

    public PgHandoverRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public Handover record(Handover h) {
        Handover clean = new Handover(0, h.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                TextRule.shortText(h.onDuty()), TextRule.shortText(h.handedOverBy()), h.openItems(),
                TextRule.longText(h.followUp()), TextRule.longText(h.notes()));
        long id = tx.autoCommit("record a shift handover", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO shift_handovers (at, on_duty, handed_over_by, open_items, follow_up, notes)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setTimestamp(1, TicketRows.timestamp(clean.at()));
                ps.setString(2, clean.onDuty());
                ps.setString(3, clean.handedOverBy());
                ps.setInt(4, clean.openItems());
                ps.setString(5, clean.followUp());
                ps.setString(6, clean.notes());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Handover(id, clean.at(), clean.onDuty(), clean.handedOverBy(), clean.openItems(),
                clean.followUp(), clean.notes());
    }

    @Override
    public Optional<Handover> latest() {
        List<Handover> l = recent(1);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<Handover> recent(int max) {
        return tx.autoCommit("read shift handovers", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, at, on_duty, handed_over_by, open_items, follow_up, notes
                      FROM shift_handovers ORDER BY at DESC, id DESC LIMIT ?""")) {
                ps.setInt(1, Math.max(1, max));
                List<Handover> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Handover(rs.getLong(1), TicketRows.instant(rs.getTimestamp(2)), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }
}
