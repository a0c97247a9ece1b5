package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call-back-failed list over real HTTP: listed, recorded by hand the caller's way, refusals. */
class CallbackRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    PanelHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Ticket resolvedAndNotReached() {
        Actor alice = new Actor("alice", Role.AGENT);
        Ticket t = h.call("13900000001", "Zhang", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        t = h.tickets.apply(t.id(), t.version(), alice, new TicketAction.Dispatch("engineering", null));
        t = h.tickets.apply(t.id(), t.version(), alice, new TicketAction.Resolve("fixed", "engineering"));
        h.callbacks.failed.add(new SurveyCall(t.id(), 1, t.number(), "13900000001", SurveyCall.State.FAILED, 3, 3,
                h.clock.instant(), "not reached after 3 attempts (rang without answer): on the call-back-failed list",
                h.clock.instant()));
        return t;
    }

    @Test
    void anAgentSeesTheListAndRecordsALowScoreWhichRedispatches() throws Exception {
        Ticket t = resolvedAndNotReached();
        TestHttp alice = h.login("alice");

        JsonNode list = JSON.readTree(alice.get("/api/callbacks/failed").body());
        assertThat(list.get("failed")).hasSize(1);
        assertThat(list.get("failed").get(0).get("ticketNumber").asText()).isEqualTo(t.number());
        assertThat(list.get("failed").get(0).get("reason").asText()).contains("not reached after 3");

        assertThat(alice.post("/api/callbacks/failed/" + t.id(), "{\"score\":9}").statusCode()).isEqualTo(400);
        var res = alice.post("/api/callbacks/failed/" + t.id(), "{\"score\":2,\"comment\":\"still leaking\"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(res.body()).get("status").asText()).isEqualTo("dispatched");
        assertThat(h.tickets.find(t.id()).orElseThrow().dispatchCount()).isEqualTo(2);
        assertThat(h.tickets.history(t.id())).filteredOn(e -> "record-callback".equals(e.action())).singleElement()
                .satisfies(e -> assertThat(e.note()).contains("2 of 5").contains("still leaking"));

        assertThat(JSON.readTree(alice.get("/api/callbacks/failed").body()).get("failed")).isEmpty();
        var again = alice.post("/api/callbacks/failed/" + t.id(), "{\"score\":5}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("not on the call-back-failed list");
    }

    @Test
    void deadLettersAreForSupervisors() throws Exception {
        assertThat(h.login("alice").get("/api/notifications/dead").statusCode()).isEqualTo(403);
        var res = h.login("sam").get("/api/notifications/dead");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(res.body()).get("dead")).isEmpty();
    }

    @Test
    void anUnknownTicketIsNotFound() throws Exception {
        TestHttp alice = h.login("alice");
        assertThat(alice.post("/api/callbacks/failed/999999", "{\"score\":5}").statusCode()).isEqualTo(404);
    }
}
