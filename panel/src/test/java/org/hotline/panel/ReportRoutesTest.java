package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.domain.report.TicketFacts;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/kpis} over real HTTP: the KPIs of the stored facts as JSON and CSV,
 * confidential tickets counted but listed only to who may see them, bad parameters refused.
 */
class ReportRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private PanelHarness h;
    private Ticket plain;
    private Ticket tipOff;

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness();
        plain = h.call("13900000001", "Zhang", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        tipOff = h.call("13900000002", "Li", RequestKind.REPORT, new CallOutcome.Answered("alice"));
        assertThat(tipOff.confidential()).isTrue();
        h.facts.put(dissatisfied(plain, "工程部"));
        h.facts.put(dissatisfied(tipOff, "=HYPERLINK(\"http://x\")"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Facts of a ticket answered at once whose caller was called back and dissatisfied. */
    private TicketFacts dissatisfied(Ticket t, String department) {
        Instant at = t.createdAt();
        Ticket dispatched = t.toBuilder().department(department).dispatchCount(1)
                .status(org.hotline.domain.ticket.TicketStatus.RESOLVED).build();
        return TicketFacts.opened(t)
                .next(t, "call-queued", Map.of("queue", "complaints"), at.plusSeconds(5))
                .next(t, "call-answered", Map.of("by", "alice"), at.plusSeconds(11))
                .next(dispatched, "resolve", Map.of(), at.plus(Duration.ofHours(1)))
                .next(dispatched.toBuilder().lastCallback(CallbackResult.UNSATISFIED).build(), "record-callback",
                        Map.of("result", "UNSATISFIED"), at.plus(Duration.ofHours(2)));
    }

    private String today() {
        return LocalDate.ofInstant(h.clock.instant(), PanelHarness.ZONE).toString();
    }

    @Test
    void aSupervisorGetsEveryTicketCountedButOnlyTheTicketsTheyMaySeeListed() throws Exception {
        var res = h.login("sam").get("/api/reports/kpis?from=" + today() + "&to=" + today());
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(res.body());
        JsonNode total = body.get("total");
        assertThat(total.get("offered").asLong()).isEqualTo(2);
        assertThat(total.get("answeredWithin15s").asLong()).isEqualTo(2);
        assertThat(total.get("serviceLevel").asDouble()).isEqualTo(1.0);
        assertThat(total.get("averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(6.0);
        assertThat(total.get("callbacksReached").asLong()).isEqualTo(2);
        assertThat(total.get("satisfactionRate").asDouble()).isEqualTo(0.0);
        assertThat(total.get("timelyHandlingRate").asDouble()).isEqualTo(1.0); // resolved within the 2 h deadline
        assertThat(total.get("delayRate").asDouble()).isEqualTo(0.0);
        assertThat(body.get("dissatisfied")).hasSize(1);
        assertThat(body.get("dissatisfied").get(0).get("number").asText()).isEqualTo(plain.number());
        assertThat(res.body()).doesNotContain(tipOff.number()).doesNotContain("13900000002");

        JsonNode handler = JSON.readTree(h.login("root").get("/api/reports/kpis?from=" + today() + "&to=" + today()).body());
        assertThat(handler.get("dissatisfied")).extracting(n -> n.get("number").asText())
                .containsExactlyInAnyOrder(plain.number(), tipOff.number());
    }

    @Test
    void theCsvReadsBackWithChineseTextIntactAndNoFormula() throws Exception {
        var res = h.login("sam").get("/api/reports/kpis?format=csv&from=" + today() + "&to=" + today());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(res.body()).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(res.body().substring(1))).getRecords();
        CSVRecord period = rows.get(0);
        assertThat(period.get("slice")).isEqualTo("period");
        assertThat(period.get("offered")).isEqualTo("2");
        assertThat(period.get("serviceLevel")).isEqualTo("1.0");
        assertThat(period.get("delayRate")).isEqualTo("0.0");
        assertThat(period.get("answeredByNobody")).isEqualTo("0");
        assertThat(rows).filteredOn(r -> r.get("slice").equals("day")).hasSize(1);
        assertThat(rows).filteredOn(r -> r.get("slice").equals("department")).extracting(r -> r.get("key"))
                .containsExactlyInAnyOrder("工程部", "'=HYPERLINK(\"http://x\")");
        for (CSVRecord r : rows) {
            for (String cell : r) {
                assertThat(cell).as("no cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
    }

    @Test
    void badParametersAreRefusedWithTheReasonAndAgentsMayNotSeeReports() throws Exception {
        TestHttp sam = h.login("sam");
        assertThat(sam.get("/api/reports/kpis?from=2026-13-01").body()).contains("must be a date like 2026-03-01");
        assertThat(sam.get("/api/reports/kpis?from=2026-03-02&to=2026-03-01").body()).contains("before it starts");
        assertThat(sam.get("/api/reports/kpis?from=2020-01-01&to=2026-01-01").statusCode()).isEqualTo(400);
        assertThat(sam.get("/api/reports/kpis?line=nosuch").body()).contains("must be one of [complaints, service]");
        assertThat(sam.get("/api/reports/kpis?kind=gossip").statusCode()).isEqualTo(400);
        assertThat(sam.get("/api/reports/kpis?format=pdf").statusCode()).isEqualTo(400);
        JsonNode complaints = JSON.readTree(sam.get("/api/reports/kpis?kind=complaint&from=" + today() + "&to=" + today()).body());
        assertThat(complaints.get("total").get("offered").asLong()).isEqualTo(1);
        assertThat(complaints.get("kind").asText()).isEqualTo("complaint");
        JsonNode none = JSON.readTree(sam.get("/api/reports/kpis?kind=inquiry&from=" + today() + "&to=" + today()).body());
        assertThat(none.get("total").get("offered").asLong()).isZero();
        assertThat(none.get("total").get("serviceLevel").isNull()).as("nothing rang: no rate, not 0").isTrue();
        assertThat(h.login("alice").get("/api/reports/kpis").statusCode()).isEqualTo(403);
    }
}
