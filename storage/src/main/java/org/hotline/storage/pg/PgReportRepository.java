package org.hotline.storage.pg;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hotline.domain.report.ReportDocument;
import org.hotline.domain.report.ReportKind;
import org.hotline.domain.report.ReportStore;
import org.hotline.domain.report.StoredReport;

/**
 * {@link ReportStore} on PostgreSQL, table {@code reports} (migration V11_1). {@link #generate}
 * runs in one transaction holding the transaction-level advisory lock of the report (its kind and
 * first date): an instance that cannot take it at once skips (another is generating it), the
 * holder checks the stored status and only then builds and writes, so each report is built once
 * across instances. The document is stored as JSON. Thread-safe.
 */
public final class PgReportRepository implements ReportStore {
    /** The advisory-lock class of report generation (the first key of the two-int lock). */
    static final int LOCK_CLASS = 0x4850_5254; // "HPRT"
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, kind, period_from, period_to, status, generated_at, published_at, document::text";

    private final PgTransaction tx;

    public PgReportRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public Optional<StoredReport.Status> status(ReportKind kind, LocalDate from) {
        return tx.autoCommit("read the status of the " + kind + " report of " + from, c -> status(c, kind, from));
    }

    @Override
    public boolean generate(ReportKind kind, LocalDate from, LocalDate to, StoredReport.Status status, Instant at,
            Supplier<ReportDocument> build) {
        return tx.inTransaction("generate the " + kind + " report of " + from, c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, key(kind, from));
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return false; // another instance is generating it right now
                    }
                }
            }
            Optional<StoredReport.Status> existing = status(c, kind, from);
            if (existing.isPresent() && (existing.get() == status || existing.get() == StoredReport.Status.PUBLISHED)) {
                return false;
            }
            String document = TicketRows.jsonOf(build.get());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO reports (kind, period_from, period_to, status, generated_at, published_at, document)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (kind, period_from) DO UPDATE SET period_to = EXCLUDED.period_to,
                        status = EXCLUDED.status, generated_at = EXCLUDED.generated_at,
                        published_at = EXCLUDED.published_at, document = EXCLUDED.document""")) {
                ps.setString(1, kind.name());
                ps.setObject(2, from);
                ps.setObject(3, to);
                ps.setString(4, status.name());
                ps.setTimestamp(5, TicketRows.timestamp(at));
                ps.setTimestamp(6, status == StoredReport.Status.PUBLISHED ? TicketRows.timestamp(at) : null);
                ps.setString(7, document);
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<StoredReport> list(int limit) {
        return tx.autoCommit("list the reports", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM reports ORDER BY period_from DESC, kind, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<StoredReport> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(report(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<StoredReport> find(long id) {
        return tx.autoCommit("read report " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM reports WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(report(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Optional<StoredReport.Status> status(Connection c, ReportKind kind, LocalDate from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM reports WHERE kind = ? AND period_from = ?")) {
            ps.setString(1, kind.name());
            ps.setObject(2, from);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(StoredReport.Status.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** The second lock key: kind and date in one int (days since the epoch fit in 29 bits until the year 1,000,000). */
    private static int key(ReportKind kind, LocalDate from) {
        return (int) (from.toEpochDay() * 4 + kind.ordinal());
    }

    private static StoredReport report(ResultSet rs) throws SQLException {
        ReportDocument doc;
        try {
            doc = JSON.readValue(rs.getString(8), ReportDocument.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("report " + rs.getLong(1) + " holds a document that cannot be read", e);
        }
        return new StoredReport(rs.getLong(1), ReportKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), StoredReport.Status.valueOf(rs.getString(5)),
                TicketRows.instant(rs.getTimestamp(6)), TicketRows.instant(rs.getTimestamp(7)), doc);
    }
}
