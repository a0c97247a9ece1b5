package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.app.config.ExampleConfig;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code java -jar hotline.jar run} processes on one PostgreSQL and one Redis (the storage
 * fixture's real servers), each with its own data directory and ports, as two machines run it:
 * a call through each leaves one ticket each, a panel session opened on one works on the other,
 * two agents working on different instances claim at once and each ticket goes to one of them,
 * a roster override saved on one reaches the other's routing within a second,
 * a deadline step past due is alerted once although both instances' watchers see it, and after
 * {@code kill -9} of one the other takes the next call.
 */
class TwoInstancesIT {
    private static final String ADMIN_PASSWORD = "two instances 42";

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private String database;

    @BeforeEach
    void built() {
        HotlineJar.requireBuilt();
        database = StorageFixture.shared().newDatabase();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The example on the shared PostgreSQL and Redis, its own data directory and FastAGI port, any panel port. */
    private String config(Path data, int agiPort) {
        StorageFixture storage = StorageFixture.shared();
        String text = HotlineJar.config(data, agiPort, 0);
        text = ExampleConfig.replace(text, "  data-dir: \"" + data + "\"",
                "  postgres-url: \"" + storage.postgres().jdbcUrl(database) + "\"\n"
                        + "  postgres-user: " + StorageFixture.APP_ROLE + "\n"
                        + "  postgres-password: \"" + StorageFixture.APP_PASSWORD + "\"\n"
                        + "  postgres-owner-user: postgres\n"
                        + "  redis-url: \"" + storage.redis().url() + "\"\n"
                        + "  data-dir: \"" + data + "\"");
        return ExampleConfig.replace(text, "panel:\n  bind: 127.0.0.1\n",
                "panel:\n  bind: 127.0.0.1\n  admin-password: \"" + ADMIN_PASSWORD + "\"\n");
    }

    /** Starts one instance in its own directory; returns its ready line. */
    private JsonNode start(String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("hotline.yaml"), config(home.resolve("data"), 0));
        Process p = HotlineJar.start(home, "run", "--config", "hotline.yaml");
        processes.add(p);
        return HotlineJar.JSON.readTree(HotlineJar.awaitLine(home.resolve("out.txt"), "\"status\":\"ready\"", p,
                Duration.ofMinutes(2)));
    }

    /**
     * A call through one instance's FastAGI port, as Asterisk places it, that nobody answers: the
     * caller leaves a message and the ticket waits for a call-back. Returns the ticket number.
     */
    private String call(String name, JsonNode ready, String from) throws Exception {
        Path callDir = Files.createDirectories(dir.resolve(name + "-call-" + from));
        // the simulator reads the ticket back from the same storage the instances share
        Files.writeString(callDir.resolve("call.yaml"), config(callDir.resolve("data"), HotlineJar.agiPort(ready)));
        HotlineJar.Run run = HotlineJar.run(callDir, Duration.ofSeconds(60), "simulate-call", "--config", "call.yaml",
                "--line", "complaints", "--from", from, "--digits", "111201#2", "--answer", "none");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = HotlineJar.JSON.readTree(run.out());
        assertThat(result.has("variables")).as(run.out() + run.err()).isTrue();
        assertThat(result.get("variables").get("HOTLINE_STATUS").asText()).isEqualTo("OK");
        return result.get("ticket").get("number").asText();
    }

    private long tickets(String callerNumber) throws Exception {
        return longs("SELECT count(*) FROM tickets WHERE caller_number = '" + callerNumber + "'").get(0);
    }

    @Test
    void twoInstancesActAsOneAndOneCarriesOnWhenTheOtherIsKilled() throws Exception {
        JsonNode one = start("one");
        JsonNode two = start("two");
        assertThat(one.get("agi").asText()).isNotEqualTo(two.get("agi").asText());
        String panelOne = one.get("panel").asText();
        String panelTwo = two.get("panel").asText();

        String first = call("one", one, "13911110001");
        String second = call("two", two, "13911110002");
        assertThat(first).isNotEqualTo(second);
        assertThat(tickets("13911110001")).isEqualTo(1);
        assertThat(tickets("13911110002")).isEqualTo(1);

        // a session opened on one instance is a session on the other
        PanelSession admin = PanelSession.login(panelOne, "admin", ADMIN_PASSWORD);
        assertThat(PanelSession.ok(admin.on(panelTwo).get("api/session")).get("username").asText()).isEqualTo("admin");

        // two agents, each on another instance, claim at once: every waiting ticket goes to one of them
        PanelSession xu = agent("xu", panelOne);
        PanelSession ma = agent("ma", panelTwo);
        Set<Long> waiting = awaitingAgent();
        assertThat(waiting).as("the calls' tickets wait for a call-back").hasSize(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> byXu = pool.submit(() -> claimAll(xu));
            Future<List<Long>> byMa = pool.submit(() -> claimAll(ma));
            List<Long> claimed = new ArrayList<>(byXu.get(60, TimeUnit.SECONDS));
            claimed.addAll(byMa.get(60, TimeUnit.SECONDS));
            assertThat(claimed).as("each ticket claimed once across the instances").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(waiting);
        } finally {
            pool.shutdownNow();
        }

        // a roster override saved on one instance is what routing on the other sees within a second
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        String dayOnTwo = "api/roster/days?roster=main&from=" + tomorrow + "&days=1";
        String before = PanelSession.ok(admin.on(panelTwo).get(dayOnTwo)).get("days").get(0).get("dutyA").asText();
        String other = before.equals("sun") ? "chen" : "sun";
        PanelSession.ok(admin.put("api/roster/overrides", "{\"roster\":\"main\",\"date\":\"" + tomorrow
                + "\",\"dutyA\":\"" + other + "\",\"note\":\"two instances\"}"));
        long saved = System.nanoTime();
        String seen = before;
        while (!seen.equals(other) && System.nanoTime() - saved < Duration.ofSeconds(1).toNanos()) {
            seen = PanelSession.ok(admin.on(panelTwo).get(dayOnTwo)).get("days").get(0).get("dutyA").asText();
        }
        assertThat(seen).as("duty A of %s on the other instance, within a second of the save", tomorrow).isEqualTo(other);

        // a deadline step that is past is alerted once, though both instances' watchers see it
        long ticket = ticketId("13911110001");
        String step = missOneStep(ticket);
        awaitAlerts(ticket, step, Duration.ofSeconds(90));
        Thread.sleep(Duration.ofSeconds(65).toMillis()); // each watcher scans once a minute: both have seen it since
        assertThat(alerts(ticket, step)).as("deadline alerts of step %s", step).isEqualTo(1);

        // kill -9 of one: the other goes on taking calls and serving the session
        Process killed = processes.get(0);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String third = call("two", two, "13911110003");
        assertThat(third).isNotIn(first, second);
        assertThat(tickets("13911110003")).isEqualTo(1);
        assertThat(admin.on(panelTwo).get("api/session").statusCode()).isEqualTo(200);
    }

    /** An agent added with {@code hotline.jar user add} against the shared storage, logged in, password changed. */
    private PanelSession agent(String username, String panel) throws Exception {
        Path cli = Files.createDirectories(dir.resolve("cli-" + username));
        Files.writeString(cli.resolve("hotline.yaml"), config(cli.resolve("data"), 0));
        HotlineJar.Run add = HotlineJar.run(cli, Duration.ofSeconds(60), "user", "add", "--config", "hotline.yaml",
                "--username", username, "--name", "Agent " + username, "--role", "agent", "--password", "first pass 123");
        assertThat(add.exitCode()).as(add.err()).isZero();
        return PanelSession.login(panel, username, "first pass 123").changePassword("first pass 123", "second pass 456");
    }

    /** Claims until the queue has nothing more for this agent; the ticket ids claimed. */
    private static List<Long> claimAll(PanelSession agent) throws Exception {
        List<Long> claimed = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int empty = 0;
        while (System.nanoTime() < deadline && empty < 20) {
            var r = agent.post("api/queue/claim", "{}");
            if (r.statusCode() == 404) {
                empty++; // the relay may still be putting tickets in the queue
                Thread.sleep(100);
                continue;
            }
            claimed.add(PanelSession.ok(r).get("ticket").get("id").asLong());
        }
        return claimed;
    }

    /** The ids of the tickets waiting for an agent to call back, once the relay has queued them. */
    private Set<Long> awaitingAgent() throws Exception {
        return new java.util.HashSet<>(longs("SELECT id FROM tickets WHERE callback_requested AND owner IS NULL"));
    }

    /** Moves the ticket's earliest deadline step into the past, as if its time had come; returns the step. */
    private String missOneStep(long ticket) throws Exception {
        try (Connection c = superuser(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("UPDATE ticket_deadlines SET due_at = now() - interval '1 minute' WHERE ticket_id = "
                     + ticket + " AND step = (SELECT step FROM ticket_deadlines WHERE ticket_id = " + ticket
                     + " AND step NOT LIKE '%.max' ORDER BY due_at LIMIT 1) RETURNING step")) {
            assertThat(r.next()).as("ticket %s has a deadline", ticket).isTrue();
            return r.getString(1);
        }
    }

    private void awaitAlerts(long ticket, String step, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (alerts(ticket, step) == 0) {
            assertThat(System.nanoTime()).as("a deadline alert of step %s within %s", step, limit).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** The missed-deadline alerts of one step in the ticket's history. */
    private long alerts(long ticket, String step) throws Exception {
        return longs("SELECT count(*) FROM ticket_events WHERE ticket_id = " + ticket + " AND action = 'deadline-alert'"
                + " AND data->>'step' = '" + step + "' AND data->>'state' = 'missed'").get(0);
    }

    private long ticketId(String callerNumber) throws Exception {
        return longs("SELECT id FROM tickets WHERE caller_number = '" + callerNumber + "'").get(0);
    }

    private List<Long> longs(String sql) throws Exception {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getLong(1));
            }
            return out;
        }
    }

    private Connection superuser() throws Exception {
        var su = StorageFixture.shared().postgres().superuser(database);
        return DriverManager.getConnection(su.url(), su.user(), "");
    }
}
