package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.e2e.TestCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Asterisk servers (each a real Asterisk 22 on the production {@code asterisk-config/},
 * both writing their call records into the service's PostgreSQL) against one service
 * ({@code java -jar hotline.jar run}, a separate process) whose {@code asterisk.ami} lists both:
 * a call through each PBX is run by the service, leaves its own ticket and pops on the agent's
 * screen, and readiness names both AMI connections.
 */
class TwoPbxsOneServiceIT {
    private static final Duration READY = Duration.ofSeconds(90);

    private static final Site.ClassDatabase database = new Site.ClassDatabase();

    @RegisterExtension
    static final AsteriskHarness one = new AsteriskHarness(database);

    @RegisterExtension
    static final AsteriskHarness two = new AsteriskHarness(database);

    @TempDir
    Path dir;

    @Test
    void eachPbxsCallsAreRunTicketedAndPopped() throws Exception {
        Site site = new Site(one, database.name());
        int agiPort = Site.freePort();
        for (AsteriskHarness pbx : List.of(one, two)) {
            pbx.useAgiPort(agiPort);
            pbx.phone("1001", PhoneMode.ANSWER);
            pbx.phone("1002", PhoneMode.ANSWER);
        }
        try (ServiceProcess service = new ServiceProcess(dir, site.writeConfig(dir, agiPort, List.of(two)))) {
            String panel = new ObjectMapper().readTree(service.start(READY)).get("panel").asText();
            JsonNode ami = Site.awaitReadiness(panel, c -> c.get("ami").get("status").asText().equals("up"),
                    "both AMI connections logged in").get("ami");
            assertThat(ami.get("detail").asText()).contains("127.0.0.1:" + one.amiPort() + ": logged in")
                    .contains("127.0.0.1:" + two.amiPort() + ": logged in");

            TestCall viaOne = Site.servedCall(one, "13900000051");
            TestCall viaTwo = Site.servedCall(two, "13900000052");

            Map<String, String> first = site.awaitTicket(viaOne.callerId(), "ANSWERED");
            Map<String, String> second = site.awaitTicket(viaTwo.callerId(), "ANSWERED");
            assertThat(first.get("caller_number")).isEqualTo("13900000051");
            assertThat(second.get("caller_number")).isEqualTo("13900000052");
            assertThat(first.get("number")).isNotEqualTo(second.get("number"));
            Site.assertOnePopPerRing(viaOne, first.get("number"));
            Site.assertOnePopPerRing(viaTwo, second.get("number"));
            site.assertRecordsEqualTickets(List.of(viaOne.callerId(), viaTwo.callerId()));
            service.stop();
        }
    }
}
