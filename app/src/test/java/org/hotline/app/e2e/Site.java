package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hotline.app.config.ExampleConfig;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import org.hotline.ivr.e2e.AmiMessage;
import org.hotline.ivr.e2e.TestCall;
import org.hotline.storage.redis.RedisEventStream;
import redis.clients.jedis.JedisPooled;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.hotline.storage.pg.PgEndpoint;
import org.hotline.storage.pg.PgSchema;
import org.hotline.storage.testing.StorageFixture;

/**
 * A hotline site as the end-to-end tests run it: a real Asterisk ({@link AsteriskHarness}) on the
 * production {@code asterisk-config/}, its call records written into a real PostgreSQL database
 * that the service's instances share with one Redis, and the shipped example configuration
 * with only what a site must change changed. Also what the tests read back from that database.
 */
final class Site {
    static final Duration WAIT = Duration.ofSeconds(40);
    static final String CDR_PASSWORD = "cdr-it-secret";
    /** The first admin's password (panel.admin-password) in the sites' configuration. */
    static final String ADMIN_PASSWORD = "site admin 42";

    private final AsteriskHarness asterisk;
    private final String database;

    Site(AsteriskHarness asterisk, String database) {
        this.asterisk = asterisk;
        this.database = database;
    }

    /**
     * A test class's database, created when its first Asterisk asks where to write its call
     * records ({@code new AsteriskHarness(database)}); every later Asterisk writes into the same one.
     */
    static final class ClassDatabase implements java.util.function.Supplier<AsteriskHarness.CdrDatabase> {
        private String name;

        @Override
        public synchronized AsteriskHarness.CdrDatabase get() {
            if (name == null) {
                name = StorageFixture.shared().newDatabase();
            }
            return callRecordsInto(name);
        }

        synchronized String name() {
            return name;
        }
    }

    /**
     * A new database as the service's first start leaves it (migrated, the call-record role able
     * to log in), for {@link AsteriskHarness#AsteriskHarness(java.util.function.Supplier)}: it must
     * exist before Asterisk is pointed at it, as cdr_pgsql reads the table's columns when it loads.
     */
    static AsteriskHarness.CdrDatabase callRecordsInto(String database) {
        StorageFixture storage = StorageFixture.shared();
        PgSchema.migrate(storage.owner(database), StorageFixture.APP_ROLE);
        PgSchema.enableCdrRole(storage.owner(database), CDR_PASSWORD);
        return new AsteriskHarness.CdrDatabase("127.0.0.1", storage.postgres().port(), database, PgSchema.CDR_ROLE,
                CDR_PASSWORD);
    }

    /**
     * Writes {@code dir/hotline.yaml}: the example with the FastAGI port, the AMI port and secret,
     * the dial template and agent devices of the simulated phones, the shared PostgreSQL and
     * Redis, the call-record password, its own data directory under {@code dir}, any panel port
     * and {@link #ADMIN_PASSWORD}.
     * Returns the file's name, relative to {@code dir}.
     */
    String writeConfig(Path dir, int agiPort) throws IOException {
        return writeConfig(dir, agiPort, List.of());
    }

    /**
     * The same, following {@code morePbxs} over AMI too: {@code asterisk.ami} becomes a list with
     * this site's Asterisk first.
     */
    String writeConfig(Path dir, int agiPort, List<AsteriskHarness> morePbxs) throws IOException {
        String text = ExampleConfig.text();
        text = ExampleConfig.replace(text, "    port: 4573\n", "    port: " + agiPort + "\n");
        if (morePbxs.isEmpty()) {
            text = ExampleConfig.replace(text, "    port: 5038\n", "    port: " + asterisk.amiPort() + "\n");
            text = ExampleConfig.replace(text, "secret: \"change-me\"", "secret: \"" + asterisk.hotlineAmiSecret() + "\"");
        } else {
            StringBuilder list = new StringBuilder("  ami:\n");
            for (AsteriskHarness pbx : concat(asterisk, morePbxs)) {
                list.append("    - { host: 127.0.0.1, port: ").append(pbx.amiPort()).append(", username: ")
                        .append(AsteriskHarness.HOTLINE_AMI_USER).append(", secret: \"").append(pbx.hotlineAmiSecret())
                        .append("\" }\n");
            }
            text = ExampleConfig.replace(text, "  ami:\n    host: 127.0.0.1\n    port: 5038\n    username: hotline\n"
                    + "    secret: \"change-me\"\n", list.toString());
        }
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
        text = ExampleConfig.replace(text, "  port: 8080\n", "  port: 0\n  admin-password: \"" + ADMIN_PASSWORD + "\"\n");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hotline.yaml"), text);
        return "hotline.yaml";
    }

    private static List<AsteriskHarness> concat(AsteriskHarness first, List<AsteriskHarness> more) {
        List<AsteriskHarness> all = new ArrayList<>(List.of(first));
        all.addAll(more);
        return all;
    }

    Connection db() throws SQLException {
        PgEndpoint owner = StorageFixture.shared().owner(database);
        return DriverManager.getConnection(owner.url(), owner.user(), owner.password());
    }

    /** The ticket of {@code linkedid} once it has {@code disposition}, as columns (booleans as t/f). */
    Map<String, String> awaitTicket(String linkedid, String disposition) throws Exception {
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
    List<String> events(String linkedid) throws SQLException {
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
    void assertRecordsEqualTickets(List<String> linkedids) throws SQLException {
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

    /** The simulated agent phones of the example's queues, as the example's {@code asterisk.agents} names them. */
    static final Map<String, String> AGENTS = Map.of(AsteriskHarness.device("1001"), "alice",
            AsteriskHarness.device("1002"), "bob");

    /**
     * A caller on the 24-hour service line who keys a complaint, confirms the callback number,
     * gives a location and leaves no message; the service queues the call and an agent answers.
     * Fails if the dialplan's fallback ever takes the call.
     */
    static TestCall servedCall(AsteriskHarness pbx, String callerNumber) {
        TestCall call = pbx.call("4008005678", callerNumber, "Caller " + callerNumber.substring(7));
        call.answer("1");     // menu: complaint
        call.answer("1");     // callback: the caller ID
        call.answer("1203#"); // location code
        call.answer("2");     // no voice message
        AmiMessage connect = call.await(m -> m.isEvent("AgentConnect"), WAIT, "an agent answers in the queue");
        assertThat(AGENTS).containsKey(connect.get("Interface"));
        call.awaitEnd(WAIT);
        assertThat(call.events()).as("the service, not the static fallback, ran the call")
                .noneMatch(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")));
        return call;
    }

    /**
     * Each ring of an agent's phone for the call (an AgentCalled event: a new leg) got one RINGING
     * pop of its ticket, and the agent who answered one ANSWERED pop, however many instances saw it.
     */
    static void assertOnePopPerRing(TestCall call, String ticketNumber) throws Exception {
        try (JedisPooled redis = new JedisPooled(URI.create(StorageFixture.shared().redis().url()))) {
            assertOnePopPerRing(new RedisEventStream(redis, 10_000), call, ticketNumber);
        }
    }

    private static void assertOnePopPerRing(RedisEventStream events, TestCall call, String ticketNumber) throws Exception {
        Map<String, Long> rings = call.events().stream().filter(m -> m.isEvent("AgentCalled"))
                .map(m -> String.valueOf(AGENTS.get(m.get("Interface"))))
                .collect(java.util.stream.Collectors.groupingBy(a -> a, java.util.stream.Collectors.counting()));
        assertThat(rings).as("agents rung for %s", ticketNumber).isNotEmpty().doesNotContainKey("null");
        String answered = AGENTS.get(call.events().stream().filter(m -> m.isEvent("AgentConnect")).findFirst()
                .orElseThrow().get("Interface"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            boolean complete = pops(events, answered, call, ticketNumber, "ANSWERED") >= 1
                    && rings.entrySet().stream().allMatch(r -> pops(events, r.getKey(), call, ticketNumber, "RINGING") >= r.getValue());
            if (complete || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(500); // a second instance's pop, were it published, would be there by now
        for (var ring : rings.entrySet()) {
            assertThat(pops(events, ring.getKey(), call, ticketNumber, "RINGING")).as("RINGING pops of %s for %s (rung %s times): %s",
                    ticketNumber, ring.getKey(), ring.getValue(),
                    events.readAfter(EventStream.agentKey(ring.getKey()), EventStream.START, 10_000)).isEqualTo(ring.getValue());
        }
        assertThat(pops(events, answered, call, ticketNumber, "ANSWERED")).as("ANSWERED pops of %s for %s", ticketNumber, answered)
                .isEqualTo(1);
    }

    /** The agent's pops of this call (tests share one Redis, so its streams hold other tests' calls too). */
    private static long pops(RedisEventStream events, String agent, TestCall call, String ticketNumber, String state) {
        return events.readAfter(EventStream.agentKey(agent), EventStream.START, 10_000).stream().map(StreamEntry::fields)
                .filter(f -> "screen-pop".equals(f.get("type")) && ticketNumber.equals(f.get("ticketNumber"))
                        && call.callerId().equals(f.get("callId"))
                        && state.equals(f.get("state")))
                .count();
    }

    /**
     * The checks of {@code panel}'s {@code /health/ready} once {@code ready} holds for them (the
     * AMI logins and the PBX check run shortly after the start); fails naming {@code what}.
     */
    static JsonNode awaitReadiness(String panel, java.util.function.Predicate<JsonNode> ready, String what)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode checks = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(panel + "health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            checks = new ObjectMapper().readTree(r.body()).get("checks");
            if (ready.test(checks)) {
                return checks;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness never showed " + what + ": " + checks);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
