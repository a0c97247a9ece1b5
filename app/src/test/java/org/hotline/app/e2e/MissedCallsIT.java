package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.app.config.ExampleConfig;
import org.hotline.ivr.e2e.AmiMessage;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.e2e.TestCall;
import org.hotline.storage.pg.PgEndpoint;
import org.hotline.storage.pg.PgSchema;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls the service never ran still end on a ticket that tells what happened. A real Asterisk 22
 * runs the production {@code asterisk-config/} (its cdr_pgsql writing Asterisk's call records into
 * a real PostgreSQL), the service runs as a separate process ({@code java -jar hotline.jar run})
 * on the shipped example configuration, with only what a site must change changed: the AMI
 * port and secret, the dial template and agent devices of the simulated phones, the PostgreSQL
 * and Redis URLs and the call-record password.
 */
class MissedCallsIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration READY = Duration.ofSeconds(90);
    private static final String CDR_PASSWORD = "cdr-it-secret";
    private static final String PHONES = AsteriskHarness.PHONES;

    private static String database;

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness(() -> {
        // The database as the service's first start leaves it (migrated, the call-record role able
        // to log in), before Asterisk is pointed at it: cdr_pgsql reads the table's columns when it loads.
        StorageFixture storage = StorageFixture.shared();
        database = storage.newDatabase();
        PgSchema.migrate(storage.owner(database), StorageFixture.APP_ROLE);
        PgSchema.enableCdrRole(storage.owner(database), CDR_PASSWORD);
        return new AsteriskHarness.CdrDatabase("127.0.0.1", storage.postgres().port(), database, PgSchema.CDR_ROLE,
                CDR_PASSWORD);
    });

    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        ServiceProcess.requireJar();
    }

    @Test
    void killedMidMenuTheFallbackReachesAnAgentAndTheTicketSaysWhoAfterTheRestart() throws Exception {
        int agiPort = freePort();
        asterisk.useAgiPort(agiPort);
        asterisk.fallbackOfficeHours(true);
        asterisk.phone("1001", PhoneMode.ANSWER);
        asterisk.phone("1002", PhoneMode.ANSWER);
        try (ServiceProcess service = new ServiceProcess(dir, writeConfig(agiPort))) {
            service.start(READY);

            TestCall call = asterisk.call("4008005678", "13900000011", "Zhao Liu");
            call.await(m -> m.isEvent("VarSet") && "HOTLINE_TICKET".equals(m.get("Variable")), WAIT,
                    "the service opens the ticket");
            call.awaitPrompt(); // the service is asking the caller something
            service.kill();

            AmiMessage fallback = call.await(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")),
                    WAIT, "the dialplan's fallback takes the call");
            assertThat(fallback.get("Ticket")).startsWith("HL-");
            AmiMessage connect = call.await(m -> m.isEvent("AgentConnect"), WAIT, "an agent answers in the queue");
            String agent = Map.of(AsteriskHarness.device("1001"), "alice", AsteriskHarness.device("1002"), "bob")
                    .get(connect.get("Interface"));
            assertThat(agent).as("queue member %s", connect.get("Interface")).isNotNull();
            call.awaitEnd(WAIT);

            String ready = service.start(READY);
            Map<String, String> ticket = awaitTicket(call.callerId(), "ANSWERED");
            assertThat(ticket).containsEntry("number", fallback.get("Ticket")).containsEntry("line", "service")
                    .containsEntry("owner", agent).containsEntry("callback_requested", "f");
            assertThat(events(call.callerId())).anyMatch(e -> e.startsWith("call-answered") && e.contains(agent));
            assertRecordsEqualTickets(List.of(call.callerId()));

            // readiness says what this stock PBX lacks, and that Asterisk writes call records
            JsonNode checks = awaitPbxChecked(JSON.readTree(ready).get("panel").asText());
            assertThat(checks.get("pbx").get("warnings").toString())
                    .contains("line complaints: prompt greeting-office hotline/complaints-welcome: no such sound file")
                    .contains("recordings directory /usr/share/asterisk/sounds/hotline/messages: does not exist");
            assertThat(checks.get("call-records").get("detail").asText()).startsWith("Asterisk's latest call record: ");
            service.stop();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The readiness checks once the PBX check has run (it runs shortly after the start). */
    private static JsonNode awaitPbxChecked(String panel) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode checks = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(panel + "health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            checks = JSON.readTree(r.body()).get("checks");
            if (checks.has("pbx") && checks.get("pbx").has("warnings")) {
                return checks;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness never showed the PBX check's warnings: " + checks);
    }

    @Test
    void fiveCallsWhileTheServiceIsStoppedBecomeMissedTicketsWithWhatTheFallbackDid() throws Exception {
        int agiPort = freePort();
        asterisk.useAgiPort(agiPort);
        asterisk.fallbackOfficeHours(false); // the static fallback: the duty phone, then voicemail
        try (ServiceProcess service = new ServiceProcess(dir, writeConfig(agiPort))) {
            service.start(READY);
            service.stop();

            // three answered by the duty phone, at once
            asterisk.phone("duty", PhoneMode.ANSWER);
            List<TestCall> answered = new ArrayList<>();
            answered.add(asterisk.call("4008001234", "13900000021", "Caller One"));
            answered.add(asterisk.call("88001234", "+8613900000022", "Caller Two"));
            answered.add(asterisk.call("4008001234", "13900000023';DROP TABLE tickets;--", "Caller Three"));
            for (TestCall c : answered) {
                AmiMessage end = c.await(m -> m.isEvent("DialEnd"), WAIT, "the duty phone's dial ends");
                assertThat(end.get("DialStatus")).isEqualTo("ANSWER");
                c.awaitEnd(WAIT);
            }
            // one to voicemail: the duty phone is busy
            asterisk.phone("duty", PhoneMode.BUSY);
            TestCall voicemail = asterisk.call("4008001234", "13900000024", "Caller Four");
            voicemail.await(m -> m.isEvent("Newexten") && voicemail.ivrId().equals(m.get("Uniqueid"))
                    && "VoiceMail".equals(m.get("Application")), WAIT, "voicemail starts");
            voicemail.hangup();
            voicemail.awaitEnd(WAIT);
            // one that reached nobody: the caller gives up while the duty phone rings
            asterisk.phone("duty", PhoneMode.SILENT);
            TestCall nobody = asterisk.call("4008001234", "13900000025", "Caller Five");
            nobody.await(m -> m.isEvent("DialBegin"), WAIT, "the duty phone rings");
            nobody.hangup();
            nobody.awaitEnd(WAIT);

            service.start(READY);
            String duty = "Local/duty@" + PHONES;
            for (TestCall c : answered) {
                Map<String, String> t = awaitTicket(c.callerId(), "MISSED");
                assertThat(t).containsEntry("status", "ACCEPTED").containsEntry("forwarded_to", duty)
                        .containsEntry("callback_requested", "f");
                assertThat(events(c.callerId())).anyMatch(e -> e.startsWith("call-missed") && e.contains("\"fallback\": \"answered\""));
            }
            assertThat(awaitTicket(answered.get(0).callerId(), "MISSED")).containsEntry("line", "complaints")
                    .containsEntry("caller_number", "13900000021");
            assertThat(awaitTicket(answered.get(1).callerId(), "MISSED")).containsEntry("line", "complaints")
                    .containsEntry("caller_number", "+8613900000022");
            assertThat(awaitTicket(answered.get(2).callerId(), "MISSED")).containsEntry("line", "complaints")
                    .containsEntry("caller_number", null);

            for (TestCall c : calls(answered, voicemail, nobody)) {
                Map<String, String> t = awaitTicket(c.callerId(), "MISSED");
                assertThat(t).as("no kind chosen: unknown, with its policy's deadlines").containsEntry("kind", "UNKNOWN");
                assertThat(Integer.parseInt(t.get("deadlines"))).isPositive();
            }
            Map<String, String> vm = awaitTicket(voicemail.callerId(), "MISSED");
            assertThat(vm).containsEntry("status", "MISSED").containsEntry("callback_requested", "t")
                    .containsEntry("caller_number", "13900000024").containsEntry("forwarded_to", null);
            assertThat(events(voicemail.callerId())).anyMatch(e -> e.startsWith("call-missed")
                    && e.contains("\"fallback\": \"voicemail\"") && e.contains("complaints@hotline"));

            Map<String, String> none = awaitTicket(nobody.callerId(), "MISSED");
            assertThat(none).containsEntry("status", "MISSED").containsEntry("callback_requested", "t")
                    .containsEntry("line", "complaints");
            assertThat(events(nobody.callerId())).anyMatch(e -> e.startsWith("call-missed") && e.contains("\"fallback\": \"nobody\""));

            List<String> calls = new ArrayList<>();
            answered.forEach(c -> calls.add(c.callerId()));
            calls.add(voicemail.callerId());
            calls.add(nobody.callerId());
            assertRecordsEqualTickets(calls);
            service.stop();
        }
    }

    private static List<TestCall> calls(List<TestCall> some, TestCall... more) {
        List<TestCall> all = new ArrayList<>(some);
        all.addAll(List.of(more));
        return all;
    }

    // ---- the configuration a site would write ------------------------------------------------

    private String writeConfig(int agiPort) throws IOException {
        String text = ExampleConfig.text();
        text = ExampleConfig.replace(text, "    port: 4573\n", "    port: " + agiPort + "\n");
        text = ExampleConfig.replace(text, "    port: 5038\n", "    port: " + asterisk.amiPort() + "\n");
        text = ExampleConfig.replace(text, "secret: \"change-me\"", "secret: \"" + asterisk.hotlineAmiSecret() + "\"");
        text = ExampleConfig.replace(text, "dial: \"PJSIP/{number}@trunk\"", "dial: \"" + AsteriskHarness.DIAL_TEMPLATE + "\"");
        text = ExampleConfig.replace(text, "\"PJSIP/1001\": alice", "\"" + AsteriskHarness.device("1001") + "\": alice");
        text = ExampleConfig.replace(text, "\"PJSIP/1002\": bob", "\"" + AsteriskHarness.device("1002") + "\": bob");
        StorageFixture storage = StorageFixture.shared();
        text = ExampleConfig.replace(text, "  data-dir: \".hotline/data\"",
                "  postgres-url: \"" + storage.postgres().jdbcUrl(database) + "\"\n"
                        + "  postgres-user: " + StorageFixture.APP_ROLE + "\n"
                        + "  postgres-password: \"" + StorageFixture.APP_PASSWORD + "\"\n"
                        + "  postgres-owner-user: postgres\n"
                        + "  redis-url: \"" + storage.redis().url() + "\"\n"
                        + "  cdr-password: \"" + CDR_PASSWORD + "\"\n"
                        + "  data-dir: \"" + dir.resolve("data") + "\"");
        text = ExampleConfig.replace(text, "  port: 8080\n", "  port: 0\n");
        Files.writeString(dir.resolve("hotline.yaml"), text);
        return "hotline.yaml";
    }

    // ---- what the ticket store and Asterisk's record hold --------------------------------------

    private static Connection db() throws SQLException {
        PgEndpoint owner = StorageFixture.shared().owner(database);
        return DriverManager.getConnection(owner.url(), owner.user(), owner.password());
    }

    /** The ticket of {@code linkedid} once it has {@code disposition}, as columns (booleans as t/f). */
    private static Map<String, String> awaitTicket(String linkedid, String disposition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, String> last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                    SELECT number, line, status, call_disposition, caller_number, owner, forwarded_to, kind,
                           CASE WHEN callback_requested THEN 't' ELSE 'f' END AS callback_requested,
                           (SELECT count(*) FROM ticket_deadlines d WHERE d.ticket_id = tickets.id) AS deadlines
                      FROM tickets WHERE linkedid = ?""")) {
                ps.setString(1, linkedid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        last = new LinkedHashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            last.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                        }
                        if (disposition.equals(last.get("call_disposition")) && last.get("kind") != null) {
                            return last;
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no ticket of call " + linkedid + " with disposition " + disposition + " within " + WAIT
                + "; last seen: " + last);
    }

    /** The ticket's history as "action data" lines. */
    private static List<String> events(String linkedid) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                SELECT e.action || ' ' || e.data::text FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
                 WHERE t.linkedid = ? ORDER BY e.seq""")) {
            ps.setString(1, linkedid);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** Calls offered in Asterisk's record (cdr rows of the hotline dialplan) equal tickets, one each. */
    private static void assertRecordsEqualTickets(List<String> linkedids) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                SELECT d.linkedid, count(DISTINCT t.id) FROM cdr d LEFT JOIN tickets t ON t.linkedid = d.linkedid
                 WHERE d.hotline_dialled <> '' AND d.linkedid = ANY (?) GROUP BY d.linkedid""")) {
            ps.setArray(1, c.createArrayOf("text", linkedids.toArray()));
            Map<String, Integer> ticketsByCall = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ticketsByCall.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertThat(ticketsByCall.keySet()).as("calls in Asterisk's record").isEqualTo(Set.copyOf(linkedids));
            assertThat(ticketsByCall.values()).as("one ticket per recorded call").containsOnly(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
