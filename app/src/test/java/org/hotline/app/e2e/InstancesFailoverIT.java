package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Two instances of the service ({@code java -jar hotline.jar run}, separate processes, each on
 * the shipped example with its own FastAGI port and data directory) on one PostgreSQL and Redis,
 * both following one real Asterisk's AMI, and the production dialplan naming both in
 * {@code HOTLINE_AGI} ({@code agi://one&agi://two}): a call through each instance in turn, each
 * ring popped on the agent's screen once although both instances see it, and after
 * {@code kill -9} of the first-listed instance, new calls are served by the other, never by the
 * static fallback, each leaving its ticket and its call record.
 */
class InstancesFailoverIT {
    private static final Duration READY = Duration.ofSeconds(90);

    private static final Site.ClassDatabase database = new Site.ClassDatabase();

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness(database);

    @TempDir
    Path dir;

    @Test
    void callsGoToTheFirstInstanceThatAnswersAndEachRingPopsOnce() throws Exception {
        Site site = new Site(asterisk, database.name());
        int portOne = Site.freePort();
        int portTwo = Site.freePort();
        asterisk.phone("1001", PhoneMode.ANSWER);
        asterisk.phone("1002", PhoneMode.ANSWER);
        try (ServiceProcess one = new ServiceProcess(dir.resolve("one"), site.writeConfig(dir.resolve("one"), portOne));
             ServiceProcess two = new ServiceProcess(dir.resolve("two"), site.writeConfig(dir.resolve("two"), portTwo));
             JedisPooled redis = new JedisPooled(java.net.URI.create(StorageFixture.shared().redis().url()))) {
            one.start(READY);
            two.start(READY);
            RedisEventStream events = new RedisEventStream(redis, 10_000);

            asterisk.setGlobal("HOTLINE_AGI", agi(portOne) + "&" + agi(portTwo));
            TestCall first = Site.servedCall(asterisk, "13900000041");
            assertThat(first.ivrApplications()).as("only the first-listed instance ran the call")
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portOne) + "/hotline"))
                    .noneMatch(a -> a.startsWith("AGI(" + agi(portTwo)));

            asterisk.setGlobal("HOTLINE_AGI", agi(portTwo) + "&" + agi(portOne));
            TestCall second = Site.servedCall(asterisk, "13900000042");
            assertThat(second.ivrApplications()).as("instance two, listed first, ran the call")
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portTwo) + "/hotline"))
                    .noneMatch(a -> a.startsWith("AGI(" + agi(portOne)));

            asterisk.setGlobal("HOTLINE_AGI", agi(portOne) + "&" + agi(portTwo));
            one.kill();
            TestCall third = Site.servedCall(asterisk, "13900000043");
            assertThat(third.ivrApplications()).as("instance one is tried, cannot be reached, and two takes the call")
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portOne) + "/hotline"))
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portTwo) + "/hotline"));
            TestCall fourth = Site.servedCall(asterisk, "13900000044");

            Map<String, TestCall> byCaller = Map.of("13900000041", first, "13900000042", second, "13900000043", third,
                    "13900000044", fourth);
            for (var call : byCaller.entrySet()) {
                Map<String, String> ticket = site.awaitTicket(call.getValue().callerId(), "ANSWERED");
                assertThat(ticket).containsEntry("line", "service").containsEntry("caller_number", call.getKey())
                        .containsEntry("kind", "COMPLAINT");
                Site.assertOnePopPerRing(events, call.getValue(), ticket.get("number"));
            }
            site.assertRecordsEqualTickets(List.of(first.callerId(), second.callerId(), third.callerId(),
                    fourth.callerId()));
            two.stop();
        }
    }

    private static String agi(int port) {
        return "agi://127.0.0.1:" + port;
    }
}
