package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * and after {@code kill -9} of one the other takes the next call.
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

    /** A call through one instance's FastAGI port, as Asterisk places it; returns the ticket number. */
    private String call(String name, JsonNode ready, String from) throws Exception {
        Path callDir = Files.createDirectories(dir.resolve(name + "-call-" + from));
        // the simulator reads the ticket back from the same storage the instances share
        Files.writeString(callDir.resolve("call.yaml"), config(callDir.resolve("data"), HotlineJar.agiPort(ready)));
        HotlineJar.Run run = HotlineJar.run(callDir, Duration.ofSeconds(60), "simulate-call", "--config", "call.yaml",
                "--line", "complaints", "--from", from, "--digits", "111201#2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = HotlineJar.JSON.readTree(run.out());
        assertThat(result.has("variables")).as(run.out() + run.err()).isTrue();
        assertThat(result.get("variables").get("HOTLINE_STATUS").asText()).isEqualTo("OK");
        return result.get("ticket").get("number").asText();
    }

    private long tickets(String callerNumber) throws Exception {
        var su = StorageFixture.shared().postgres().superuser(database);
        try (Connection c = DriverManager.getConnection(su.url(), su.user(), "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM tickets WHERE caller_number = '" + callerNumber + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void twoInstancesActAsOneAndOneCarriesOnWhenTheOtherIsKilled() throws Exception {
        JsonNode one = start("one");
        JsonNode two = start("two");
        assertThat(one.get("agi").asText()).isNotEqualTo(two.get("agi").asText());

        String first = call("one", one, "13911110001");
        String second = call("two", two, "13911110002");
        assertThat(first).isNotEqualTo(second);
        assertThat(tickets("13911110001")).isEqualTo(1);
        assertThat(tickets("13911110002")).isEqualTo(1);

        // a session opened on one instance is a session on the other
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(one.get("panel").asText() + "api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(two.get("panel").asText() + "api/session"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        assertThat(HotlineJar.JSON.readTree(session.body()).get("username").asText()).isEqualTo("admin");

        // kill -9 of one: the other goes on taking calls and serving the session
        Process killed = processes.get(0);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String third = call("two", two, "13911110003");
        assertThat(third).isNotIn(first, second);
        assertThat(tickets("13911110003")).isEqualTo(1);
        HttpResponse<String> still = http.send(HttpRequest.newBuilder(URI.create(two.get("panel").asText() + "api/session"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(still.statusCode()).isEqualTo(200);
    }
}
