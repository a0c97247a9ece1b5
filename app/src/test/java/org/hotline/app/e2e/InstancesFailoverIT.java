package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import org.hotline.ivr.e2e.AmiMessage;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.e2e.TestCall;
import org.hotline.storage.redis.RedisEventStream;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.BeforeAll;
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
    private static final Map<String, String> AGENTS = Map.of(AsteriskHarness.device("1001"), "alice",
            AsteriskHarness.device("1002"), "bob");

    private static String database;

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness(() -> {
        database = StorageFixture.shared().newDatabase();
        return Site.callRecordsInto(database);
    });

    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        ServiceProcess.requireJar();
    }

    @Test
    void callsGoToTheFirstInstanceThatAnswersAndEachRingPopsOnce() throws Exception {
        Site site = new Site(asterisk, database);
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
            TestCall first = servedCall("13900000041");
            assertThat(first.ivrApplications()).as("only the first-listed instance ran the call")
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portOne) + "/hotline"))
                    .noneMatch(a -> a.startsWith("AGI(" + agi(portTwo)));

            asterisk.setGlobal("HOTLINE_AGI", agi(portTwo) + "&" + agi(portOne));
            TestCall second = servedCall("13900000042");
            assertThat(second.ivrApplications()).as("instance two, listed first, ran the call")
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portTwo) + "/hotline"))
                    .noneMatch(a -> a.startsWith("AGI(" + agi(portOne)));

            asterisk.setGlobal("HOTLINE_AGI", agi(portOne) + "&" + agi(portTwo));
            one.kill();
            TestCall third = servedCall("13900000043");
            assertThat(third.ivrApplications()).as("instance one is tried, cannot be reached, and two takes the call")
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portOne) + "/hotline"))
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portTwo) + "/hotline"));
            TestCall fourth = servedCall("13900000044");

            Map<String, TestCall> byCaller = Map.of("13900000041", first, "13900000042", second, "13900000043", third,
                    "13900000044", fourth);
            for (var call : byCaller.entrySet()) {
                Map<String, String> ticket = site.awaitTicket(call.getValue().callerId(), "ANSWERED");
                assertThat(ticket).containsEntry("line", "service").containsEntry("caller_number", call.getKey())
                        .containsEntry("kind", "COMPLAINT");
                assertOnePopPerRing(events, call.getValue(), ticket.get("number"));
            }
            site.assertRecordsEqualTickets(List.of(first.callerId(), second.callerId(), third.callerId(),
                    fourth.callerId()));
            two.stop();
        }
    }

    private static String agi(int port) {
        return "agi://127.0.0.1:" + port;
    }

    /**
     * A caller on the 24-hour service line who keys a complaint, confirms the callback number,
     * gives a location and leaves no message; the service queues the call and an agent answers.
     * Fails if the dialplan's fallback ever takes the call.
     */
    private static TestCall servedCall(String callerNumber) {
        TestCall call = asterisk.call("4008005678", callerNumber, "Caller " + callerNumber.substring(7));
        call.answer("1");     // menu: complaint
        call.answer("1");     // callback: the caller ID
        call.answer("1203#"); // location code
        call.answer("2");     // no voice message
        AmiMessage connect = call.await(m -> m.isEvent("AgentConnect"), Site.WAIT, "an agent answers in the queue");
        assertThat(AGENTS).containsKey(connect.get("Interface"));
        call.awaitEnd(Site.WAIT);
        assertThat(call.events()).as("the service, not the static fallback, ran the call")
                .noneMatch(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")));
        return call;
    }

    /** Every agent's phone that rang for the call got one RINGING pop of its ticket, and the one who answered one ANSWERED pop. */
    private static void assertOnePopPerRing(RedisEventStream events, TestCall call, String ticketNumber) throws Exception {
        List<String> rung = call.events().stream().filter(m -> m.isEvent("AgentCalled"))
                .map(m -> AGENTS.get(m.get("Interface"))).distinct().toList();
        assertThat(rung).as("agents rung for %s", ticketNumber).isNotEmpty().doesNotContainNull();
        String answered = AGENTS.get(call.events().stream().filter(m -> m.isEvent("AgentConnect")).findFirst()
                .orElseThrow().get("Interface"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            boolean complete = pops(events, answered, ticketNumber, "ANSWERED") >= 1
                    && rung.stream().allMatch(a -> pops(events, a, ticketNumber, "RINGING") >= 1);
            if (complete || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(500); // a second instance's pop, were it published, would be there by now
        for (String agent : rung) {
            assertThat(pops(events, agent, ticketNumber, "RINGING")).as("RINGING pops of %s for %s", ticketNumber, agent)
                    .isEqualTo(1);
        }
        assertThat(pops(events, answered, ticketNumber, "ANSWERED")).as("ANSWERED pops of %s for %s", ticketNumber, answered)
                .isEqualTo(1);
    }

    private static long pops(RedisEventStream events, String agent, String ticketNumber, String state) {
        return events.readAfter(EventStream.agentKey(agent), EventStream.START, 10_000).stream().map(StreamEntry::fields)
                .filter(f -> "screen-pop".equals(f.get("type")) && ticketNumber.equals(f.get("ticketNumber"))
                        && state.equals(f.get("state")))
                .count();
    }
}
