package org.hotline.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A report as stored: which period, where it is in its life, and its tables.
 *
 * @param id          store id
 * @param kind        daily, weekly or monthly
 * @param from        first local date covered
 * @param to          last local date covered (included)
 * @param status      {@link Status#PREPARED} (a monthly draft) or {@link Status#PUBLISHED}
 * @param generatedAt when its tables were last computed
 * @param publishedAt when it was published, {@code null} while prepared
 * @param document    its tables
 */
public record StoredReport(long id, ReportKind kind, LocalDate from, LocalDate to, Status status, Instant generatedAt,
        Instant publishedAt, ReportDocument document) {

    /** Where a report is in its life. */
    public enum Status {
        /** prepared (the monthly report on the last working day), not yet published */
        PREPARED,
        /** published */
        PUBLISHED
    }

    public StoredReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(document, "document");
    }
}
