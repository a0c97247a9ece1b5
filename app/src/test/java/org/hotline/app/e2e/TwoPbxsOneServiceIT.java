package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.e2e.TestCall;
import org.hotline.storage.redis.RedisEventStream;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

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
        try (ServiceProcess service = new ServiceProcess(dir, site.writeConfig(dir, agiPort, List.of(two)));
             JedisPooled redis = new JedisPooled(URI.create(StorageFixture.shared().redis().url()))) {
            String panel = new ObjectMapper().readTree(service.start(READY)).get("panel").asText();
            JsonNode ami = awaitBothLoggedIn(panel);
            assertThat(ami.get("detail").asText()).contains("127.0.0.1:" + one.amiPort() + ": logged in")
                    .contains("127.0.0.1:" + two.amiPort() + ": logged in");

            TestCall viaOne = Site.servedCall(one, "13900000051");
            TestCall viaTwo = Site.servedCall(two, "13900000052");

            RedisEventStream events = new RedisEventStream(redis, 10_000);
            Map<String, String> first = site.awaitTicket(viaOne.callerId(), "ANSWERED");
            Map<String, String> second = site.awaitTicket(viaTwo.callerId(), "ANSWERED");
            assertThat(first.get("caller_number")).isEqualTo("13900000051");
            assertThat(second.get("caller_number")).isEqualTo("13900000052");
            assertThat(first.get("number")).isNotEqualTo(second.get("number"));
            Site.assertOnePopPerRing(events, viaOne, first.get("number"));
            Site.assertOnePopPerRing(events, viaTwo, second.get("number"));
            site.assertRecordsEqualTickets(List.of(viaOne.callerId(), viaTwo.callerId()));
            service.stop();
        }
    }

    /** Readiness's ami check once both connections have logged in. */
    private static JsonNode awaitBothLoggedIn(String panel) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Site.WAIT.toNanos();
        JsonNode ami = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(panel + "health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ami = new ObjectMapper().readTree(r.body()).get("checks").get("ami");
            if (ami.get("status").asText().equals("up")) {
                return ami;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the AMI connections never both logged in: " + ami);
    }
}
