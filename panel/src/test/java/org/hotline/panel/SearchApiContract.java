package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding any ticket: filters, keyset paging, CSV, and the visibility policy in all of them. */
abstract class SearchApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLER = "13912345678";
    PanelHarness h;

    abstract PanelHarness.Backend backend(Clock clock);

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness(Clock.systemUTC(), backend(Clock.systemUTC()),
                TestPanelConfig.onFreePort(100, Duration.ofMillis(1)));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static JsonNode json(HttpResponse<String> res) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    @Test
    void aSearchByCallerNumberFindsTheCallersTicketsNewestFirstPageByPage() throws Exception {
        List<Ticket> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(h.call(CALLER, "Repeat Caller", RequestKind.COMPLAINT, new CallOutcome.Answered("alice")));
        }
        h.call("13800000000", "Someone Else", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        Ticket byCallback = h.call("02155550000", "Office Phone", RequestKind.INQUIRY, new CallOutcome.Answered("alice"));
        h.tickets.updateIntake(byCallback.id(), IntakeUpdate.none().withCallbackNumber(CALLER));
        TestHttp alice = h.login("alice");

        JsonNode all = json(alice.get("/api/tickets?caller=" + CALLER));
        assertThat(all.get("tickets").findValuesAsText("number")).containsExactly(byCallback.number(),
                mine.get(2).number(), mine.get(1).number(), mine.get(0).number());
        assertThat(all.get("next").isNull()).isTrue();

        JsonNode first = json(alice.get("/api/tickets?caller=" + CALLER + "&limit=2"));
        assertThat(first.get("tickets").findValuesAsText("number")).containsExactly(byCallback.number(), mine.get(2).number());
        Ticket newer = h.call(CALLER, "Repeat Caller", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        JsonNode second = json(alice.get("/api/tickets?caller=" + CALLER + "&limit=2&cursor=" + first.get("next").asText()));
        assertThat(second.get("tickets").findValuesAsText("number")).as("stable under inserts")
                .containsExactly(mine.get(1).number(), mine.get(0).number());
        assertThat(json(alice.get("/api/tickets?caller=" + CALLER + "&limit=1")).get("tickets").findValuesAsText("number"))
                .containsExactly(newer.number());

        assertThat(json(alice.get("/api/tickets?number=" + mine.get(1).number())).get("tickets").findValuesAsText("id"))
                .containsExactly(Long.toString(mine.get(1).id()));
        assertThat(json(alice.get("/api/tickets?kind=inquiry&line=complaints")).get("tickets").findValuesAsText("number"))
                .containsExactly(byCallback.number());
        h.tickets.updateIntake(mine.get(0).id(), IntakeUpdate.none().withDescription("Water LEAK in the basement"));
        assertThat(json(alice.get("/api/tickets?q=leak")).get("tickets").findValuesAsText("number"))
                .containsExactly(mine.get(0).number());
        assertThat(json(alice.get("/api/tickets?from=2000-01-01&to=2000-01-02")).get("tickets")).isEmpty();
    }

    @Test
    void badParametersAreA400NamingThem() throws Exception {
        TestHttp alice = h.login("alice");
        for (String[] c : List.of(new String[] {"kind=praise", "invalid_kind"}, new String[] {"status=lost", "invalid_status"},
                new String[] {"from=yesterday", "invalid_from"}, new String[] {"cursor=zzz", "invalid_cursor"},
                new String[] {"limit=0", "bad_request"}, new String[] {"caller=" + "1".repeat(41), "invalid_caller"})) {
            var res = alice.get("/api/tickets?" + c[0]);
            assertThat(res.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JSON.readTree(res.body()).get("error").asText()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void aTipOffIsInvisibleToASupervisorWhoIsNoTipOffHandlerInSearchAndCsv() throws Exception {
        Ticket tip = h.call(CALLER, "Whistle Blower", RequestKind.REPORT, new CallOutcome.Answered("tina"));
        Ticket plain = h.call(CALLER, "=HYPERLINK(\"http://x\",\"y\")", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        h.tickets.updateIntake(plain.id(), IntakeUpdate.none().withLocation("楼 3, 单元 2").withDescription("-2+3"));
        TestHttp sam = h.login("sam");
        JsonNode found = json(sam.get("/api/tickets?caller=" + CALLER));
        assertThat(found.get("tickets").findValuesAsText("number")).containsExactly(plain.number());
        assertThat(found.toString()).doesNotContain("Whistle");

        var csv = sam.get("/api/exports/tickets.csv?caller=" + CALLER);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF\"number\",\"created\"");
        assertThat(csv.body()).contains(plain.number(), "\"楼 3, 单元 2\"", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "\"'-2+3\"")
                .doesNotContain(tip.number(), "Whistle");
        assertThat(csv.body().split("\r\n")).hasSize(2);

        var handler = h.login("tina").get("/api/exports/tickets.csv?caller=" + CALLER);
        assertThat(handler.body()).contains(tip.number(), "Whistle Blower");
        assertThat(h.login("alice").get("/api/exports/tickets.csv").statusCode()).as("agents do not export").isEqualTo(403);
    }

    @Test
    void anAgentSeesTheTicketsOfTheirLinesAndDepartmentOnlyInSearchQueueHistoryAndClaims() throws Exception {
        h.departments.save(new org.hotline.domain.ticket.Department("service-desk", "Service desk", true, null,
                java.util.Set.of(), java.util.Set.of("service")));
        org.hotline.domain.ticket.User a = h.users.find("alice").orElseThrow();
        h.users.update(new org.hotline.domain.ticket.User(a.username(), a.displayName(), a.role(), a.passwordHash(), a.phone(),
                true, "service-desk", a.rosterPerson(), false));
        Ticket otherLine = h.call(CALLER, "Complaints line", RequestKind.COMPLAINT, new CallOutcome.NoAnswer());
        Ticket forDesk = h.call(CALLER, "Dispatched to the desk", RequestKind.COMPLAINT, new CallOutcome.Answered("bob"));
        forDesk = h.tickets.apply(forDesk.id(), forDesk.version(), new org.hotline.domain.ticket.Actor("bob",
                org.hotline.domain.ticket.Role.AGENT), new org.hotline.domain.ticket.TicketAction.Dispatch("service-desk", null));
        Ticket onService = h.tickets.openForCall(new org.hotline.domain.ticket.CallIntake("service", CALLER, "Service line",
                "svc-" + System.nanoTime() + ".1", "svc-" + System.nanoTime(), h.clock.instant()));
        onService = h.tickets.updateIntake(onService.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR));
        onService = h.tickets.recordCallOutcome(onService.id(), new CallOutcome.NoAnswer());
        h.awaitQueued(onService);

        TestHttp alice = h.login("alice");
        JsonNode found = json(alice.get("/api/tickets?caller=" + CALLER));
        assertThat(found.get("tickets").findValuesAsText("number")).as("their line and their department's ticket")
                .containsExactly(onService.number(), forDesk.number());
        assertThat(found.toString()).doesNotContain("Complaints line");
        assertThat(json(alice.get("/api/queue")).findValuesAsText("number")).containsExactly(onService.number());
        assertThat(alice.get("/api/tickets/" + otherLine.id()).statusCode()).isEqualTo(404);
        JsonNode detail = json(alice.get("/api/tickets/" + onService.id()));
        assertThat(detail.get("caller").get("previous").findValuesAsText("number")).as("caller history within reach")
                .containsExactly(forDesk.number());
        var claimed = alice.post("/api/queue/claim", "{}");
        assertThat(JSON.readTree(claimed.body()).get("ticket").get("number").asText()).isEqualTo(onService.number());
        assertThat(h.queue.peek("complaints", 10)).extracting(q -> q.ticketId()).as("the other line's ticket keeps its place")
                .containsExactly(otherLine.id());

        JsonNode bobSees = json(h.login("bob").get("/api/tickets?caller=" + CALLER));
        assertThat(bobSees.get("tickets").findValuesAsText("number")).as("an agent of no department is not limited")
                .containsExactlyInAnyOrder(onService.number(), forDesk.number(), otherLine.number());
        assertThat(h.login("sam").get("/api/exports/tickets.csv?caller=" + CALLER).body()).as("supervisors are not limited")
                .contains(otherLine.number(), forDesk.number(), onService.number());
    }
}
