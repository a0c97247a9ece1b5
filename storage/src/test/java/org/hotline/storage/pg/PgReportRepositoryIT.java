package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.domain.report.ReportDocument;
import org.hotline.domain.report.ReportKind;
import org.hotline.domain.report.StoredReport;
import org.hotline.storage.Storage;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated reports on a real PostgreSQL: built once across instances, kept, published over a prepared one. */
class PgReportRepositoryIT {
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private Storage storage;

    @BeforeEach
    void start() {
        storage = StorageFixture.shared().freshStorage(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    private static ReportDocument doc(String title) {
        return new ReportDocument(title, List.of(new ReportDocument.Section("Hot topics", List.of("kind", "location"),
                List.of(ReportDocument.Row.of("repair", "楼 3, 单元 2"), new ReportDocument.Row(List.of("HL-1"), 7L, true)))));
    }

    @Test
    void eightInstancesAtOnceBuildTheReportOnce() throws Exception {
        // each "instance" has its own repository and connection pool user: the lock is PostgreSQL's
        List<PgReportRepository> instances = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> new PgReportRepository(storage.dataSource())).toList();
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> wrote = instances.stream().map(r -> pool.submit(() -> {
                go.await();
                return r.generate(ReportKind.MONTHLY, MARCH, MARCH.plusDays(30), StoredReport.Status.PREPARED,
                        Instant.parse("2026-03-31T09:30:00Z"), () -> {
                            builds.incrementAndGet();
                            try {
                                Thread.sleep(300); // a slow build: the others arrive while it holds the lock
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return doc("Monthly report 2026-03");
                        });
            })).toList();
            go.countDown();
            long written = 0;
            for (Future<Boolean> f : wrote) {
                written += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(written).isEqualTo(1);
            assertThat(builds).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storage.reports().list(10)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(StoredReport.Status.PREPARED);
            assertThat(r.publishedAt()).isNull();
            assertThat(r.document()).isEqualTo(doc("Monthly report 2026-03"));
        });
    }

    @Test
    void thePublishedVersionReplacesThePreparedOneAndIsNeverBuiltAgain() {
        PgReportRepository reports = storage.reports();
        assertThat(reports.status(ReportKind.MONTHLY, MARCH)).isEmpty();
        reports.generate(ReportKind.MONTHLY, MARCH, MARCH.plusDays(30), StoredReport.Status.PREPARED,
                Instant.parse("2026-03-31T09:30:00Z"), () -> doc("draft"));
        long id = reports.list(1).get(0).id();
        assertThat(reports.generate(ReportKind.MONTHLY, MARCH, MARCH.plusDays(30), StoredReport.Status.PUBLISHED,
                Instant.parse("2026-04-01T00:30:00Z"), () -> doc("final"))).isTrue();
        assertThat(reports.generate(ReportKind.MONTHLY, MARCH, MARCH.plusDays(30), StoredReport.Status.PREPARED,
                Instant.parse("2026-04-01T01:00:00Z"), () -> doc("again"))).isFalse();
        StoredReport r = reports.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(StoredReport.Status.PUBLISHED);
        assertThat(r.publishedAt()).isEqualTo(Instant.parse("2026-04-01T00:30:00Z"));
        assertThat(r.document().title()).isEqualTo("final");
        assertThat(reports.status(ReportKind.MONTHLY, MARCH)).contains(StoredReport.Status.PUBLISHED);
        assertThat(reports.find(id + 1000)).isEmpty();
    }

    @Test
    void aQuarterlyAnalysisIsKeptBesideTheMonthlyReportOfItsFirstMonth() {
        PgReportRepository reports = storage.reports();
        LocalDate q1 = LocalDate.of(2026, 1, 1);
        reports.generate(ReportKind.MONTHLY, q1, q1.plusDays(30), StoredReport.Status.PUBLISHED,
                Instant.parse("2026-02-02T00:30:00Z"), () -> doc("january"));
        assertThat(reports.generate(ReportKind.QUARTERLY, q1, LocalDate.of(2026, 3, 31), StoredReport.Status.PUBLISHED,
                Instant.parse("2026-04-01T00:01:00Z"), () -> doc("2026-Q1"))).isTrue();
        assertThat(reports.status(ReportKind.QUARTERLY, q1)).contains(StoredReport.Status.PUBLISHED);
        assertThat(reports.list(10)).extracting(StoredReport::kind).contains(ReportKind.QUARTERLY, ReportKind.MONTHLY);
        StoredReport q = reports.list(10).stream().filter(r -> r.kind() == ReportKind.QUARTERLY).findFirst().orElseThrow();
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(q.document().title()).isEqualTo("2026-Q1");
    }
}
