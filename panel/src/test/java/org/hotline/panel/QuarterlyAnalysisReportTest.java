package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.ReportBuilder;
import org.hotline.domain.report.ReportKind;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.StoredReport;
import org.hotline.domain.report.TicketFacts;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quarterly analysis as the panel serves it: built from the tickets and their facts, listed
 * with the other reports, read as JSON, CSV and XLSX; a repeated tip-off is counted for everyone
 * and listed only to who may see it.
 */
class QuarterlyAnalysisReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_NUMBER = "13700000099";
    private PanelHarness h;
    private Ticket tip;
    private Ticket first;
    private long id;

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness();
        first = ticket("13900000001", RequestKind.COMPLAINT, "3-2-101");
        ticket("13900000001", RequestKind.COMPLAINT, "3-2-101");
        ticket("13900000002", RequestKind.REPORT, "gate");
        tip = ticket("13900000002", RequestKind.REPORT, "gate");
        // a tip-off later classified as a complaint, in one group with the caller's complaint: the
        // rows a supervisor sees never carry the tip-off's own call-back number
        Ticket secret = ticket("13900000003", RequestKind.REPORT, "5-1-202");
        secret = h.tickets.updateIntake(secret.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT)
                .withCallbackNumber(SECRET_NUMBER));
        h.facts.put(TicketFacts.opened(secret).next(secret, "intake", Map.of(), secret.updatedAt()));
        ticket("13900000003", RequestKind.COMPLAINT, "5-1-202");
        for (int i = 0; i < 3; i++) {
            ticket("1380000000" + i, RequestKind.REPAIR, "电梯 B");
        }
        LocalDate quarter = RepeatRule.quarterOf(LocalDate.ofInstant(first.createdAt(), PanelHarness.ZONE));
        KpiReports kpis = new KpiReports(h.facts, new WorkingCalendar(HotlineConfigBuilder.example().calendar(),
                PanelHarness.ZONE), StepRule.DEFAULTS, h.clock);
        ReportBuilder builder = new ReportBuilder(kpis, h.tickets);
        h.generated.generate(ReportKind.QUARTERLY, quarter, quarter.plusMonths(3).minusDays(1),
                StoredReport.Status.PUBLISHED, h.clock.instant(), () -> builder.quarterly(quarter));
        id = h.generated.list(1).get(0).id();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Ticket ticket(String caller, RequestKind kind, String location) {
        Ticket t = h.call(caller, "Caller", kind, new CallOutcome.Answered("tina"));
        t = h.tickets.updateIntake(t.id(), IntakeUpdate.none().withLocation(location));
        h.facts.put(TicketFacts.opened(t).next(t, "intake", Map.of(), t.updatedAt()));
        return t;
    }

    @Test
    void theAnalysisIsListedAndCountsTheTipOffButListsItOnlyToWhoMaySeeIt() throws Exception {
        TestHttp samHttp = h.login("sam");
        JsonNode list = JSON.readTree(samHttp.get("/api/reports").body()).get("reports");
        assertThat(list.get(0).get("kind").asText()).isEqualTo("quarterly");
        assertThat(list.get(0).get("title").asText()).startsWith("Quarterly analysis ");

        JsonNode sam = JSON.readTree(samHttp.get("/api/reports/" + id).body());
        assertThat(row(sam, "Summary", "repeat callers (the same issue twice or more)")).isEqualTo("3");
        assertThat(rows(sam, "Repeat callers")).hasSize(3).allMatch(r -> !r.toString().contains(tip.number()))
                .allMatch(r -> !r.toString().contains(SECRET_NUMBER));
        assertThat(rows(sam, "Repeated repairs")).hasSize(3);
        assertThat(rows(sam, "Repeated repairs").get(0).get(0).asText()).isEqualTo("电梯 B");
        JsonNode root = JSON.readTree(h.login("root").get("/api/reports/" + id).body());
        assertThat(rows(root, "Repeat callers")).hasSize(6);
        assertThat(root.toString()).contains(tip.number(), SECRET_NUMBER);

        String csv = samHttp.get("/api/reports/" + id + "?format=csv").body();
        assertThat(csv).contains("Repeat callers", first.number(), "电梯 B").doesNotContain(tip.number(), SECRET_NUMBER);
        HttpResponse<byte[]> xlsx = samHttp.client().send(samHttp.builder("/api/reports/" + id
                + "?format=xlsx").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheet("Repeated repairs")).isNotNull();
            DataFormatter text = new DataFormatter();
            for (Sheet sheet : book) {
                for (Row r : sheet) {
                    r.forEach(c -> cells.add(text.formatCellValue(c)));
                }
            }
        }
        assertThat(cells).contains(first.number(), "电梯 B").doesNotContain(tip.number(), SECRET_NUMBER);
    }

    private static List<JsonNode> rows(JsonNode report, String section) {
        for (JsonNode s : report.get("sections")) {
            if (s.get("title").asText().equals(section)) {
                List<JsonNode> out = new ArrayList<>();
                s.get("rows").forEach(r -> out.add(r.has("cells") ? r.get("cells") : r));
                return out;
            }
        }
        throw new AssertionError("no section " + section + " in " + report);
    }

    private static String row(JsonNode report, String section, String first) {
        return rows(report, section).stream().filter(r -> r.get(0).asText().equals(first)).findFirst()
                .orElseThrow().get(1).asText();
    }
}
