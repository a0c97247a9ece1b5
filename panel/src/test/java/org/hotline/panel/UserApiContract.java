package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users, one-time passwords, sessions ending and the audit trail, over real HTTP. */
abstract class UserApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    PanelHarness h;

    abstract PanelHarness newHarness() throws Exception;

    @BeforeEach
    void start() throws Exception {
        h = newHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static JsonNode json(HttpResponse<String> res) throws Exception {
        return JSON.readTree(res.body());
    }

    private TestHttp logIn(String user, String password) throws Exception {
        TestHttp http = new TestHttp(h.base);
        var res = http.postWithoutCsrf("/api/login", JSON.writeValueAsString(java.util.Map.of("username", user, "password", password)));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        http.csrf = json(res).get("csrfToken").asText();
        return http;
    }

    @Test
    void anAdminCreatesAUserWhoMustChangeTheOneTimePassword() throws Exception {
        TestHttp root = h.login("root");
        var created = root.post("/api/users", """
                {"username":"lin","displayName":"林小红","role":"agent","department":"engineering","phone":"PJSIP/1007"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode u = json(created);
        assertThat(u.get("role").asText()).isEqualTo("agent");
        assertThat(u.get("department").asText()).isEqualTo("engineering");
        assertThat(u.get("phone").asText()).isEqualTo("PJSIP/1007");
        assertThat(u.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(u.has("passwordHash")).isFalse();
        String oneTime = u.get("oneTimePassword").asText();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(16);

        TestHttp lin = logIn("lin", oneTime);
        assertThat(json(lin.get("/api/session")).get("mustChangePassword").asBoolean()).isTrue();
        var blocked = lin.get("/api/queue");
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(json(blocked).get("error").asText()).isEqualTo("password_change_required");
        var wrong = lin.post("/api/session/password", "{\"currentPassword\":\"not it at all\",\"newPassword\":\"a new one 1234\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("message").asText()).contains("current password");
        var changed = lin.post("/api/session/password",
                "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"my own secret 7\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        lin.csrf = json(changed).get("csrfToken").asText();
        assertThat(json(changed).get("mustChangePassword").asBoolean()).isFalse();
        assertThat(lin.get("/api/queue").statusCode()).isEqualTo(200);
        logIn("lin", "my own secret 7");

        JsonNode listed = json(root.get("/api/users"));
        assertThat(listed.findValuesAsText("username")).contains("lin", "alice", "root");
        JsonNode audit = json(root.get("/api/audit")).get("entries");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("user.password_changed");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("lin");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("user.created");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("root");
        assertThat(audit.get(1).get("detail").get("phone").asText()).isEqualTo("PJSIP/1007");
        assertThat(audit.toString()).doesNotContain(oneTime);
    }

    @Test
    void badInputIsA400NamingTheFieldAndCreatesNothing() throws Exception {
        TestHttp root = h.login("root");
        assertThat(root.send("PATCH", "/api/users/alice", "{\"phone\":\"PJSIP/1001\"}").statusCode()).isEqualTo(200);
        int usersBefore = json(root.get("/api/users")).size();
        int auditBefore = json(root.get("/api/audit")).get("entries").size();
        List<String[]> cases = List.of(
                new String[] {"{\"username\":\"bob\",\"displayName\":\"Bob 2\",\"role\":\"agent\"}", "invalid_username", "already taken"},
                new String[] {"{\"username\":\"carl\",\"displayName\":\"Carl\",\"role\":\"overlord\"}", "invalid_role", "tip_off_handler"},
                new String[] {"{\"username\":\"carl\",\"displayName\":\"Carl\",\"role\":\"agent\",\"phone\":\"PJSIP/1001\"}", "invalid_phone", "alice"},
                new String[] {"{\"username\":\"carl\",\"displayName\":\"" + "x".repeat(81) + "\",\"role\":\"agent\"}", "invalid_displayName", "longer than 80"},
                new String[] {"{\"username\":\"carl\",\"displayName\":\"Carl\\u0007\",\"role\":\"agent\"}", "invalid_displayName", "control character"},
                new String[] {"{\"username\":\"Carl Big\",\"displayName\":\"Carl\",\"role\":\"agent\"}", "invalid_username", "a-z"},
                new String[] {"{\"username\":\"carl\",\"displayName\":\"Carl\",\"role\":\"agent\",\"department\":\"nowhere\"}", "invalid_department", "nowhere"},
                new String[] {"{\"username\":\"carl\",\"displayName\":\"Carl\",\"role\":\"agent\",\"rosterPerson\":\"nobody\"}", "invalid_rosterPerson", "nobody"},
                new String[] {"{\"username\":\"carl\",\"displayName\":\"Carl\",\"role\":\"agent\",\"password\":\"short\"}", "invalid_password", "10 characters"});
        for (String[] c : cases) {
            var res = root.post("/api/users", c[0]);
            assertThat(res.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(json(res).get("error").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(json(res).get("message").asText()).as(c[0]).contains(c[2]);
        }
        var taken = root.send("PATCH", "/api/users/bob", "{\"phone\":\"PJSIP/1001\"}");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(json(taken).get("error").asText()).isEqualTo("invalid_phone");
        assertThat(root.send("PATCH", "/api/users/nobody", "{\"displayName\":\"X\"}").statusCode()).isEqualTo(404);
        assertThat(json(root.get("/api/users")).size()).isEqualTo(usersBefore);
        assertThat(json(root.get("/api/audit")).get("entries").size()).isEqualTo(auditBefore);
        assertThat(h.users.find("bob").orElseThrow().phone()).isNull();
    }

    @Test
    void onlyAdminsAdministerUsers() throws Exception {
        TestHttp sam = h.login("sam");
        assertThat(sam.get("/api/users").statusCode()).isEqualTo(403);
        assertThat(sam.post("/api/users", "{\"username\":\"x1\",\"displayName\":\"X\",\"role\":\"admin\"}").statusCode()).isEqualTo(403);
        assertThat(sam.get("/api/audit").statusCode()).isEqualTo(403);
        assertThat(new TestHttp(h.base).get("/api/users").statusCode()).isEqualTo(401);
    }

    @Test
    void resetRoleChangeAndDeactivationEndTheUsersSessions() throws Exception {
        TestHttp root = h.login("root");
        TestHttp alice = h.login("alice");
        var reset = root.post("/api/users/alice/password", "{}");
        assertThat(reset.statusCode()).isEqualTo(200);
        String oneTime = json(reset).get("oneTimePassword").asText();
        assertThat(alice.get("/api/session").statusCode()).isEqualTo(401);
        TestHttp again = logIn("alice", oneTime);
        assertThat(json(again.get("/api/session")).get("mustChangePassword").asBoolean()).isTrue();

        TestHttp bob = h.login("bob");
        var promoted = root.send("PATCH", "/api/users/bob", "{\"role\":\"tip_off_handler\",\"department\":\"security\"}");
        assertThat(json(promoted).get("role").asText()).isEqualTo("tip_off_handler");
        assertThat(bob.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(json(h.login("bob").get("/api/session")).get("role").asText()).isEqualTo("tip_off_handler");

        TestHttp sam = h.login("sam");
        var off = root.send("PATCH", "/api/users/sam", "{\"active\":false}");
        assertThat(json(off).get("active").asBoolean()).isFalse();
        assertThat(sam.get("/api/session").statusCode()).isEqualTo(401);
        var refused = new TestHttp(h.base).postWithoutCsrf("/api/login",
                "{\"username\":\"sam\",\"password\":\"" + PanelHarness.PASSWORD + "\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(h.users.find("sam")).isPresent();

        var lastAdmin = root.send("PATCH", "/api/users/root", "{\"active\":false}");
        assertThat(lastAdmin.statusCode()).isEqualTo(400);
        assertThat(json(lastAdmin).get("message").asText()).contains("last active administrator");
        JsonNode audit = json(root.get("/api/audit")).get("entries");
        assertThat(audit.findValuesAsText("action")).containsSubsequence("user.deactivated", "user.updated", "user.password_reset");
        assertThat(audit.get(0).get("detail").get("active").asText()).isEqualTo("true -> false");
    }

    @Test
    void departmentsAreAdministeredAndDispatchProposesTheOneThatHandlesTheTicket() throws Exception {
        TestHttp root = h.login("root");
        var created = root.post("/api/departments", """
                {"id":"water","name":"Water works","manager":"sam","kinds":["repair","complaint"],"lines":["complaints"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("kinds").toString()).isEqualTo("[\"complaint\",\"repair\"]");
        assertThat(json(created).get("manager").asText()).isEqualTo("sam");
        for (String[] c : List.of(
                new String[] {"{\"id\":\"water\",\"name\":\"Again\"}", "invalid_id"},
                new String[] {"{\"id\":\"Bad Id\",\"name\":\"X\"}", "invalid_id"},
                new String[] {"{\"id\":\"roads\",\"name\":\"Roads\",\"manager\":\"ghost\"}", "invalid_manager"},
                new String[] {"{\"id\":\"roads\",\"name\":\"Roads\",\"kinds\":[\"praise\"]}", "invalid_kinds"},
                new String[] {"{\"id\":\"roads\",\"name\":\"Roads\",\"lines\":[\"nowhere\"]}", "invalid_lines"},
                new String[] {"{\"id\":\"roads\",\"name\":\"Ro\\u0000ads\"}", "invalid_name"})) {
            var res = root.post("/api/departments", c[0]);
            assertThat(res.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(json(res).get("error").asText()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(h.departments.find("roads")).isEmpty();
        assertThat(h.login("sam").post("/api/departments", "{\"id\":\"x\",\"name\":\"X\"}").statusCode()).isEqualTo(403);

        org.hotline.domain.ticket.Ticket t = h.call("13900000009", "Leak", org.hotline.domain.ticket.RequestKind.REPAIR,
                new org.hotline.domain.ticket.CallOutcome.Answered("alice"));
        JsonNode detail = json(h.login("alice").get("/api/tickets/" + t.id()));
        assertThat(detail.get("proposedDepartment").asText()).isEqualTo("water");

        var off = root.send("PATCH", "/api/departments/water", "{\"active\":false}");
        assertThat(json(off).get("active").asBoolean()).isFalse();
        assertThat(json(h.login("alice").get("/api/departments")).findValuesAsText("id")).doesNotContain("water");
        assertThat(json(root.get("/api/departments?all=true")).findValuesAsText("id")).contains("water");
        assertThat(json(h.login("alice").get("/api/tickets/" + t.id())).get("proposedDepartment").isNull()).isTrue();
        JsonNode audit = json(root.get("/api/audit")).get("entries");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("department.deactivated");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("department.created");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("root");
    }
}
