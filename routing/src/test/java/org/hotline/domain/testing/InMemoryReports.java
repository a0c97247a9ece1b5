package org.hotline.domain.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.domain.report.ReportDocument;
import org.hotline.domain.report.ReportKind;
import org.hotline.domain.report.ReportStore;
import org.hotline.domain.report.StoredReport;

/** A {@link ReportStore} in memory (one lock for everything), counting how often a document was built. */
public final class InMemoryReports implements ReportStore {
    private final List<StoredReport> reports = new ArrayList<>();
    private long nextId = 1;
    private int builds;

    @Override
    public synchronized Optional<StoredReport.Status> status(ReportKind kind, LocalDate from) {
        return find(kind, from).map(StoredReport::status);
    }

    @Override
    public synchronized boolean generate(ReportKind kind, LocalDate from, LocalDate to, StoredReport.Status status,
            Instant at, Supplier<ReportDocument> build) {
        Optional<StoredReport> existing = find(kind, from);
        if (existing.isPresent() && (existing.get().status() == status
                || existing.get().status() == StoredReport.Status.PUBLISHED)) {
            return false;
        }
        ReportDocument doc = build.get();
        builds++;
        long id = existing.map(StoredReport::id).orElse(nextId++);
        existing.ifPresent(reports::remove);
        reports.add(new StoredReport(id, kind, from, to, status, at,
                status == StoredReport.Status.PUBLISHED ? at : null, doc));
        return true;
    }

    @Override
    public synchronized List<StoredReport> list(int limit) {
        return reports.stream().sorted(Comparator.comparing(StoredReport::from).reversed()
                .thenComparing(StoredReport::kind)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<StoredReport> find(long id) {
        return reports.stream().filter(r -> r.id() == id).findFirst();
    }

    /** How many documents were built. */
    public synchronized int builds() {
        return builds;
    }

    private Optional<StoredReport> find(ReportKind kind, LocalDate from) {
        return reports.stream().filter(r -> r.kind() == kind && r.from().equals(from)).findFirst();
    }
}
