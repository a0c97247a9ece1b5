package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.domain.report.ReportDocument;
import org.hotline.domain.report.ReportKind;
import org.hotline.domain.report.StoredReport;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated reports over real HTTP: listed, and each read back as JSON, CSV (commons-csv) and
 * XLSX (Apache POI) with Chinese text intact, formula-like text never a formula, and a
 * confidential ticket's row shown only to who may see it; the printable page escapes text.
 */
class GeneratedReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HOSTILE = {"=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)"};
    private PanelHarness h;
    private Ticket tipOff;
    private long id;

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness();
        Ticket plain = h.call("13900000001", "Zhang", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        tipOff = h.call("13900000002", "Li", RequestKind.REPORT, new CallOutcome.Answered("alice"));
        List<ReportDocument.Row> topics = new ArrayList<>();
        topics.add(ReportDocument.Row.of("repair", "楼 3, 单元 2 <b>", "7", "2"));
        for (String x : HOSTILE) {
            topics.add(ReportDocument.Row.of("complaint", x, "1", "0"));
        }
        ReportDocument doc = new ReportDocument("Monthly report 2026-03", List.of(
                new ReportDocument.Section("Hot topics by kind and location", List.of("kind", "location", "tickets",
                        "previous period"), topics),
                new ReportDocument.Section("Dissatisfied callers", List.of("ticket", "kind"), List.of(
                        new ReportDocument.Row(List.of(plain.number(), "complaint"), plain.id(), false),
                        new ReportDocument.Row(List.of(tipOff.number(), "report"), tipOff.id(), true)))));
        h.generated.generate(ReportKind.MONTHLY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                StoredReport.Status.PUBLISHED, h.clock.instant(), () -> doc);
        id = h.generated.list(1).get(0).id();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theListNamesEachReportAndItsPeriod() throws Exception {
        JsonNode list = JSON.readTree(h.login("sam").get("/api/reports").body()).get("reports");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("kind").asText()).isEqualTo("monthly");
        assertThat(list.get(0).get("status").asText()).isEqualTo("published");
        assertThat(list.get(0).get("from").asText()).isEqualTo("2026-03-01");
        assertThat(h.login("alice").get("/api/reports").statusCode()).isEqualTo(403);
        assertThat(h.login("sam").get("/api/reports/999").statusCode()).isEqualTo(404);
        assertThat(h.login("sam").get("/api/reports/" + id + "?format=pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void aConfidentialTicketsRowIsShownOnlyToWhoMaySeeIt() throws Exception {
        String sam = h.login("sam").get("/api/reports/" + id).body();
        assertThat(sam).doesNotContain(tipOff.number());
        assertThat(JSON.readTree(sam).get("sections").get(1).get("rows")).hasSize(1);
        String root = h.login("root").get("/api/reports/" + id + "?format=csv").body();
        assertThat(root).contains(tipOff.number());
        assertThat(h.login("sam").get("/api/reports/" + id + "?format=csv").body()).doesNotContain(tipOff.number());
    }

    @Test
    void theCsvReadsBackWithChineseTextIntactAndNoFormula() throws Exception {
        var res = h.login("sam").get("/api/reports/" + id + "?format=csv");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-disposition").orElseThrow()).contains("monthly-2026-03-01.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().get().parse(new StringReader(res.body().substring(1))).getRecords();
        List<String> cells = rows.stream().flatMap(r -> r.stream()).toList();
        assertThat(cells).contains("楼 3, 单元 2 <b>", "Hot topics by kind and location");
        for (String x : HOSTILE) {
            assertThat(cells).contains("'" + x).doesNotContain(x);
        }
        assertThat(cells).allSatisfy(c -> assertThat(c).doesNotStartWith("=").doesNotStartWith("+")
                .doesNotStartWith("-").doesNotStartWith("@"));
    }

    @Test
    void theXlsxReadsBackWithChineseTextIntactAndNoFormula() throws Exception {
        HttpResponse<byte[]> res = bytes("/api/reports/" + id + "?format=xlsx");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElseThrow()).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(res.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet topics = book.getSheet("Hot topics by kind and location");
            assertThat(topics).isNotNull();
            List<String> cells = new ArrayList<>();
            DataFormatter text = new DataFormatter();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    row.forEach(c -> {
                        assertThat(c.getCellType()).as("no formula cells").isEqualTo(CellType.STRING);
                        cells.add(text.formatCellValue(c));
                    });
                }
            }
            assertThat(cells).contains("楼 3, 单元 2 <b>", "Monthly report 2026-03 (2026-03-01 to 2026-03-31)");
            for (String x : HOSTILE) {
                assertThat(cells).contains("'" + x).doesNotContain(x);
            }
            assertThat(cells).doesNotContain(tipOff.number());
        }
    }

    @Test
    void thePrintablePageEscapesTextAndUsesThePrintStylesheet() throws Exception {
        var res = h.login("sam").get("/api/reports/" + id + "?format=html");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(res.body()).contains("<link rel=\"stylesheet\" href=\"/report-print.css\">", "楼 3, 单元 2 &lt;b&gt;")
                .doesNotContain("<b>");
        assertThat(new TestHttp(h.base).get("/report-print.css").body()).contains("@media print");
    }

    /** GET as sam, the body as bytes. */
    private HttpResponse<byte[]> bytes(String path) throws Exception {
        TestHttp sam = h.login("sam");
        return sam.client().send(sam.builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
