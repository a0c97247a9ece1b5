package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import at.favre.lib.crypto.bcrypt.BCrypt;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The senior managers' board: a flagged major complaint is listed and worked (comment, reassign). */
class LeadershipRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    PanelHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness();
        String hash = new String(BCrypt.withDefaults().hash(10, PanelHarness.PASSWORD.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        h.users.create(new User("li", "Li Director", Role.SENIOR_MANAGER, hash, null, true));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aMajorComplaintFlaggedByAnAgentIsOnTheBoardWhereASeniorManagerWorksIt() throws Exception {
        Ticket t = h.call("13900000001", "Zhang", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        TestHttp alice = h.login("alice");
        assertThat(alice.get("/api/leadership/board").statusCode()).isEqualTo(403);
        var flag = alice.post("/api/tickets/" + t.id() + "/actions", "{\"type\":\"flag-major\",\"version\":"
                + t.version() + ",\"reason\":\"gas smell in the lobby, third call\"}");
        assertThat(flag.statusCode()).isEqualTo(200);

        TestHttp li = h.login("li");
        JsonNode board = JSON.readTree(li.get("/api/leadership/board").body()).get("tickets");
        assertThat(board).hasSize(1);
        assertThat(board.get(0).get("reasons").toString()).contains("major");
        assertThat(board.get(0).get("major").asText()).contains("gas smell");

        long version = JSON.readTree(flag.body()).get("ticket").get("version").asLong();
        var note = li.post("/api/tickets/" + t.id() + "/actions", "{\"type\":\"note\",\"version\":" + version
                + ",\"note\":\"security sent; call me when done\"}");
        assertThat(note.statusCode()).isEqualTo(200);
        version = JSON.readTree(note.body()).get("ticket").get("version").asLong();
        var reassign = li.post("/api/tickets/" + t.id() + "/reassign", "{\"version\":" + version
                + ",\"owner\":\"bob\",\"note\":\"take it over\"}");
        assertThat(reassign.statusCode()).isEqualTo(200);
        assertThat(h.tickets.find(t.id()).orElseThrow().owner()).isEqualTo("bob");
    }
}
