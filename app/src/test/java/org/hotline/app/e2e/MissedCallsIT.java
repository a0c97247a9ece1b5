package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.e2e.AmiMessage;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.e2e.TestCall;
import org.junit.jupiter.api.BeforeEach;
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
    private static final Duration WAIT = Site.WAIT;
    private static final Duration READY = Duration.ofSeconds(90);
    private static final String PHONES = AsteriskHarness.PHONES;

    private static final Site.ClassDatabase database = new Site.ClassDatabase();

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness(database);

    @TempDir
    Path dir;

    private Site site;

    @BeforeEach
    void site() {
        site = new Site(asterisk, database.name());
    }

    @Test
    void killedMidMenuTheFallbackReachesAnAgentAndTheTicketSaysWhoAfterTheRestart() throws Exception {
        int agiPort = Site.freePort();
        asterisk.useAgiPort(agiPort);
        asterisk.fallbackOfficeHours(true);
        asterisk.phone("1001", PhoneMode.ANSWER);
        asterisk.phone("1002", PhoneMode.ANSWER);
        try (ServiceProcess service = new ServiceProcess(dir, site.writeConfig(dir, agiPort))) {
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
            Map<String, String> ticket = site.awaitTicket(call.callerId(), "ANSWERED");
            assertThat(ticket).containsEntry("number", fallback.get("Ticket")).containsEntry("line", "service")
                    .containsEntry("owner", agent).containsEntry("callback_requested", "f");
            assertThat(site.events(call.callerId())).anyMatch(e -> e.startsWith("call-answered") && e.contains(agent));
            site.assertRecordsEqualTickets(List.of(call.callerId()));

            // readiness says what this stock PBX lacks, and that Asterisk writes call records
            JsonNode checks = Site.awaitReadiness(JSON.readTree(ready).get("panel").asText(),
                    c -> c.has("pbx") && c.get("pbx").has("warnings"), "the PBX check's warnings");
            assertThat(checks.get("pbx").get("warnings").toString())
                    .contains("line complaints: prompt greeting-office hotline/complaints-welcome: no such sound file")
                    .contains("recordings directory /usr/share/asterisk/sounds/hotline/messages: does not exist");
            assertThat(checks.get("call-records").get("detail").asText()).startsWith("Asterisk's latest call record: ");
            service.stop();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fiveCallsWhileTheServiceIsStoppedBecomeMissedTicketsWithWhatTheFallbackDid() throws Exception {
        int agiPort = Site.freePort();
        asterisk.useAgiPort(agiPort);
        asterisk.fallbackOfficeHours(false); // the static fallback: the duty phone, then voicemail
        try (ServiceProcess service = new ServiceProcess(dir, site.writeConfig(dir, agiPort))) {
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
                Map<String, String> t = site.awaitTicket(c.callerId(), "MISSED");
                assertThat(t).containsEntry("status", "ACCEPTED").containsEntry("forwarded_to", duty)
                        .containsEntry("callback_requested", "f");
                assertThat(site.events(c.callerId())).anyMatch(e -> e.startsWith("call-missed") && e.contains("\"fallback\": \"answered\""));
            }
            assertThat(site.awaitTicket(answered.get(0).callerId(), "MISSED")).containsEntry("line", "complaints")
                    .containsEntry("caller_number", "13900000021");
            assertThat(site.awaitTicket(answered.get(1).callerId(), "MISSED")).containsEntry("line", "complaints")
                    .containsEntry("caller_number", "+8613900000022");
            assertThat(site.awaitTicket(answered.get(2).callerId(), "MISSED")).containsEntry("line", "complaints")
                    .containsEntry("caller_number", null);

            for (TestCall c : calls(answered, voicemail, nobody)) {
                Map<String, String> t = site.awaitTicket(c.callerId(), "MISSED");
                assertThat(t).as("no kind chosen: unknown, with its policy's deadlines").containsEntry("kind", "UNKNOWN");
                assertThat(Integer.parseInt(t.get("deadlines"))).isPositive();
            }
            Map<String, String> vm = site.awaitTicket(voicemail.callerId(), "MISSED");
            assertThat(vm).containsEntry("status", "MISSED").containsEntry("callback_requested", "t")
                    .containsEntry("caller_number", "13900000024").containsEntry("forwarded_to", null);
            assertThat(site.events(voicemail.callerId())).anyMatch(e -> e.startsWith("call-missed")
                    && e.contains("\"fallback\": \"voicemail\"") && e.contains("complaints@hotline"));

            Map<String, String> none = site.awaitTicket(nobody.callerId(), "MISSED");
            assertThat(none).containsEntry("status", "MISSED").containsEntry("callback_requested", "t")
                    .containsEntry("line", "complaints");
            assertThat(site.events(nobody.callerId())).anyMatch(e -> e.startsWith("call-missed") && e.contains("\"fallback\": \"nobody\""));

            List<String> calls = new ArrayList<>();
            answered.forEach(c -> calls.add(c.callerId()));
            calls.add(voicemail.callerId());
            calls.add(nobody.callerId());
            site.assertRecordsEqualTickets(calls);
            service.stop();
        }
    }

    private static List<TestCall> calls(List<TestCall> some, TestCall... more) {
        List<TestCall> all = new ArrayList<>(some);
        all.addAll(List.of(more));
        return all;
    }
}
