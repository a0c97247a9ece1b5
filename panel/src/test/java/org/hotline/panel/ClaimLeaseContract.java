package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hotline.domain.store.ClaimHolds;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A claim's lease over real HTTP: the agent's hold on a claimed ticket is renewed while they work
 * it and the ticket goes back to the queue when they go away. Time is a {@link MutableClock}
 * shared by the panel and the backend; expiry is driven by {@link ClaimHolds#returnExpired()},
 * which the panel runs on a timer.
 */
abstract class ClaimLeaseContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = PanelPolicy.defaults(PanelHarness.ZONE, java.util.List.of("complaints")).claimLease();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T02:00:00Z"), ZoneOffset.UTC);
    PanelHarness h;

    abstract PanelHarness.Backend backend(Clock clock) throws Exception;

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness(clock, backend(clock), TestPanelConfig.onFreePort());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static JsonNode json(HttpResponse<String> res) throws Exception {
        return JSON.readTree(res.body());
    }

    private int returnExpired() {
        return h.server.claimHolds().returnExpired();
    }

    private String owner(Ticket t) {
        return h.tickets.find(t.id()).orElseThrow().owner();
    }

    @Test
    void aClaimIsHeldWhileTheAgentWorksItAndReturnsToTheQueueWhenTheyGoAway() throws Exception {
        Ticket t = h.call("13900000021", "Caller", RequestKind.COMPLAINT, new CallOutcome.NoAnswer());
        TestHttp alice = h.login("alice");
        var claimed = alice.post("/api/queue/claim", "{}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(json(claimed).get("hold").get("until").asText()).isEqualTo(clock.instant().plus(LEASE).toString());

        clock.advance(LEASE.minusMinutes(1));
        var renewed = alice.post("/api/tickets/" + t.id() + "/hold", "{}");
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(json(renewed).get("until").asText()).isEqualTo(clock.instant().plus(LEASE).toString());
        clock.advance(LEASE.minusMinutes(1));
        assertThat(returnExpired()).as("renewed: still within the lease").isZero();
        long v = h.tickets.find(t.id()).orElseThrow().version();
        var note = alice.post("/api/tickets/" + t.id() + "/actions", "{\"type\":\"note\",\"note\":\"calling back\",\"version\":" + v + "}");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        clock.advance(LEASE.minusMinutes(1));
        assertThat(returnExpired()).as("an action on the ticket renews the lease too").isZero();
        assertThat(owner(t)).isEqualTo("alice");

        clock.advance(Duration.ofMinutes(2)); // alice went away: no heartbeat, no action
        assertThat(returnExpired()).isEqualTo(1);
        assertThat(returnExpired()).as("given back once").isZero();
        assertThat(owner(t)).isNull();
        HistoryEvent last = h.tickets.history(t.id()).get(h.tickets.history(t.id()).size() - 1);
        assertThat(last.action()).isEqualTo("return-to-queue");
        assertThat(last.actor()).isEqualTo(ClaimHolds.ACTOR.id());
        assertThat(last.data()).containsEntry("from", "alice");
        h.awaitQueued(h.tickets.find(t.id()).orElseThrow());

        assertThat(alice.post("/api/tickets/" + t.id() + "/hold", "{}").statusCode()).isEqualTo(409);
        var bob = h.login("bob").post("/api/queue/claim", "{}");
        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(200);
        assertThat(json(bob).get("ticket").get("id").asLong()).isEqualTo(t.id());
        assertThat(json(bob).get("ticket").get("owner").asText()).isEqualTo("bob");
    }

    @Test
    void aDispatchedTicketStaysWithItsAgentAfterTheLeaseRunsOut() throws Exception {
        Ticket t = h.call("13900000022", "Caller", RequestKind.COMPLAINT, new CallOutcome.NoAnswer());
        TestHttp alice = h.login("alice");
        var claimed = alice.post("/api/queue/claim", "{}");
        long v = json(claimed).get("ticket").get("version").asLong();
        var dispatched = alice.post("/api/tickets/" + t.id() + "/actions",
                "{\"type\":\"dispatch\",\"department\":\"engineering\",\"version\":" + v + "}");
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
        clock.advance(LEASE.plusMinutes(1));
        assertThat(returnExpired()).isZero();
        Ticket after = h.tickets.find(t.id()).orElseThrow();
        assertThat(after.owner()).isEqualTo("alice");
        assertThat(after.status().name()).isEqualTo("DISPATCHED");
        assertThat(alice.post("/api/tickets/" + t.id() + "/hold", "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void theAgentMayGiveAClaimBackButNobodyElseMay() throws Exception {
        Ticket t = h.call("13900000023", "Caller", RequestKind.COMPLAINT, new CallOutcome.NoAnswer());
        TestHttp alice = h.login("alice");
        assertThat(alice.post("/api/queue/claim", "{}").statusCode()).isEqualTo(200);
        TestHttp bob = h.login("bob");
        var notHis = bob.send("DELETE", "/api/tickets/" + t.id() + "/hold", "");
        assertThat(notHis.statusCode()).isEqualTo(422);
        assertThat(owner(t)).isEqualTo("alice");
        var back = alice.send("DELETE", "/api/tickets/" + t.id() + "/hold", "");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(owner(t)).isNull();
        h.awaitQueued(h.tickets.find(t.id()).orElseThrow());
        clock.advance(LEASE.plusMinutes(1));
        assertThat(returnExpired()).as("the hold ended with the give-back").isZero();
        var claimed = bob.post("/api/queue/claim", "{}");
        assertThat(json(claimed).get("ticket").get("owner").asText()).isEqualTo("bob");
    }

    @Test
    void aConfidentialClaimAlsoGoesBackToItsQueueForTheNextTipOffHandler() throws Exception {
        Ticket tip = h.call("13900000024", "Whistle", RequestKind.REPORT, new CallOutcome.NoAnswer());
        var claimed = h.login("tina").post("/api/queue/claim", "{}");
        assertThat(json(claimed).get("ticket").get("id").asLong()).isEqualTo(tip.id());
        clock.advance(LEASE.plusSeconds(1));
        assertThat(returnExpired()).isEqualTo(1);
        assertThat(owner(tip)).isNull();
        h.awaitQueued(h.tickets.find(tip.id()).orElseThrow());
        assertThat(h.login("alice").get("/api/queue").body()).doesNotContain("Whistle");
    }
}
