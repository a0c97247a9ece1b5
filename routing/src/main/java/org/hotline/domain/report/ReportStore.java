package org.hotline.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generated reports, kept (PostgreSQL: {@code org.hotline.storage.pg.PgReportRepository}, table
 * {@code reports}). One report per kind and first date. Thread-safe; safe across instances.
 */
public interface ReportStore {

    /** The status of the {@code kind} report starting on {@code from}, empty if there is none. */
    Optional<StoredReport.Status> status(ReportKind kind, LocalDate from);

    /**
     * Generates the {@code kind} report of {@code from..to} at {@code status}, once across
     * instances: under a lock only one caller at a time gets to look; if the report is already at
     * {@code status} (or a published one exists) nothing is built; otherwise {@code build} is
     * called and its document written (a prepared report is replaced by its published version).
     *
     * @return whether this call wrote the report
     */
    boolean generate(ReportKind kind, LocalDate from, LocalDate to, StoredReport.Status status, Instant at,
            Supplier<ReportDocument> build);

    /** The newest reports first (by period, then kind), at most {@code limit}. */
    List<StoredReport> list(int limit);

    Optional<StoredReport> find(long id);
}
