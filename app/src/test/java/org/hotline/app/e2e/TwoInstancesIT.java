package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.e2e.TestCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service as two machines run them: {@code java -jar hotline.jar run},
 * separate processes, each on the shipped example with its own FastAGI port and data directory,
 * on one PostgreSQL and one Redis, both following one real Asterisk's AMI, and the production
 * dialplan naming both in {@code HOTLINE_AGI} ({@code agi://one&agi://two}). One hotline:
 * <ul>
 *   <li>a call through each instance in turn (the order of the list), each ring popped on the
 *       agent's screen once although both instances see it;</li>
 *   <li>a panel session opened on one instance works on the other;</li>
 *   <li>a roster override saved on one is what the other's routing shows within a second;</li>
 *   <li>two agents working on different instances claim at once, and every waiting ticket goes
 *       to one of them;</li>
 *   <li>a deadline step past due is alerted once, though both instances' watchers see it;</li>
 *   <li>after {@code kill -9} of the first-listed instance new calls are served by the other,
 *       never by the static fallback, each leaving its ticket and its call record.</li>
 * </ul>
 */
class TwoInstancesIT {
    private static final Duration READY = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Site.ClassDatabase database = new Site.ClassDatabase();

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness(database);

    @TempDir
    Path dir;

    @Test
    void twoInstancesActAsOneHotlineAndOneCarriesOnWhenTheOtherIsKilled() throws Exception {
        Site site = new Site(asterisk, database.name());
        int portOne = Site.freePort();
        int portTwo = Site.freePort();
        asterisk.phone("1001", PhoneMode.ANSWER);
        asterisk.phone("1002", PhoneMode.ANSWER);
        try (ServiceProcess one = new ServiceProcess(dir.resolve("one"), site.writeConfig(dir.resolve("one"), portOne));
             ServiceProcess two = new ServiceProcess(dir.resolve("two"), site.writeConfig(dir.resolve("two"), portTwo))) {
            String panelOne = JSON.readTree(one.start(READY)).get("panel").asText();
            String panelTwo = JSON.readTree(two.start(READY)).get("panel").asText();

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

            // a session opened on one instance is a session on the other
            PanelSession admin = PanelSession.login(panelOne, "admin", Site.ADMIN_PASSWORD);
            assertThat(PanelSession.ok(admin.on(panelTwo).get("api/session")).get("username").asText()).isEqualTo("admin");

            rosterOverrideSavedOnOneIsRoutedOnTheOther(admin, panelTwo);
            waitingTicketsAreClaimedOnceAcrossInstances(site, portOne, portTwo, panelOne, panelTwo);
            aPastDeadlineStepIsAlertedOnce(site, ticketId(site, first.callerId()));

            asterisk.setGlobal("HOTLINE_AGI", agi(portOne) + "&" + agi(portTwo));
            one.kill();
            TestCall third = Site.servedCall(asterisk, "13900000043");
            assertThat(third.ivrApplications()).as("instance one is tried, cannot be reached, and two takes the call")
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portOne) + "/hotline"))
                    .anyMatch(a -> a.startsWith("AGI(" + agi(portTwo) + "/hotline"));
            TestCall fourth = Site.servedCall(asterisk, "13900000044");
            assertThat(admin.on(panelTwo).get("api/session").statusCode()).as("the session, on the survivor").isEqualTo(200);

            Map<String, TestCall> byCaller = Map.of("13900000041", first, "13900000042", second, "13900000043", third,
                    "13900000044", fourth);
            for (var call : byCaller.entrySet()) {
                Map<String, String> ticket = site.awaitTicket(call.getValue().callerId(), "ANSWERED");
                assertThat(ticket).containsEntry("line", "service").containsEntry("caller_number", call.getKey())
                        .containsEntry("kind", "COMPLAINT");
                Site.assertOnePopPerRing(call.getValue(), ticket.get("number"));
            }
            site.assertRecordsEqualTickets(List.of(first.callerId(), second.callerId(), third.callerId(),
                    fourth.callerId()));
            two.stop();
        }
    }

    private static String agi(int port) {
        return "agi://127.0.0.1:" + port;
    }

    private static void rosterOverrideSavedOnOneIsRoutedOnTheOther(PanelSession admin, String panelTwo) throws Exception {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
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
    }

    /**
     * A call through each instance that nobody answers (the caller leaves a message: the ticket
     * waits for a call-back), then two agents, added with {@code hotline.jar user add} and each
     * logged in on another instance, claim at once until the queue is empty.
     */
    private void waitingTicketsAreClaimedOnceAcrossInstances(Site site, int portOne, int portTwo, String panelOne,
            String panelTwo) throws Exception {
        List<Long> waiting = List.of(unanswered(site, portOne, "13911110001"), unanswered(site, portTwo, "13911110002"));
        PanelSession xu = agent(site, "xu", panelOne);
        PanelSession ma = agent(site, "ma", panelTwo);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> byXu = pool.submit(() -> claimAll(xu));
            Future<List<Long>> byMa = pool.submit(() -> claimAll(ma));
            List<Long> claimed = new ArrayList<>(byXu.get(60, TimeUnit.SECONDS));
            claimed.addAll(byMa.get(60, TimeUnit.SECONDS));
            assertThat(claimed).as("each ticket claimed once across the instances").doesNotHaveDuplicates()
                    .containsAll(waiting);
            assertThat(new HashSet<>(claimed)).as("only waiting tickets were claimed")
                    .isEqualTo(Set.copyOf(longs(site, "SELECT id FROM tickets WHERE callback_requested")));
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code hotline.jar simulate-call} through one instance's FastAGI port, nobody answering; the ticket's id. */
    private long unanswered(Site site, int agiPort, String from) throws Exception {
        Path callDir = dir.resolve("call-" + from);
        ServiceProcess.Finished run = ServiceProcess.runCommand(callDir,
                "simulate-call", "--config", site.writeConfig(callDir, agiPort), "--line", "complaints", "--from", from,
                "--digits", "111201#2", "--answer", "none");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("variables").get("HOTLINE_STATUS").asText()).isEqualTo("OK");
        return longs(site, "SELECT id FROM tickets WHERE caller_number = '" + from + "' AND callback_requested").get(0);
    }

    /** An agent added with {@code hotline.jar user add} against the shared storage, logged in, password changed. */
    private PanelSession agent(Site site, String username, String panel) throws Exception {
        Path cli = Files.createDirectories(dir.resolve("cli-" + username));
        ServiceProcess.Finished add = ServiceProcess.runCommand(cli, "user", "add", "--config", site.writeConfig(cli, 0),
                "--username", username, "--name", "Agent " + username, "--role", "agent", "--password", "first pass 123");
        assertThat(add.exitCode()).as(add.err()).isZero();
        return PanelSession.login(panel, username, "first pass 123").changePassword("first pass 123", "second pass 456");
    }

    /** Claims until the queue has had nothing more for this agent for a while; the ticket ids claimed. */
    private static List<Long> claimAll(PanelSession agent) throws Exception {
        List<Long> claimed = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int empty = 0;
        while (System.nanoTime() < deadline && empty < 20) {
            var r = agent.post("api/queue/claim", "{}");
            if (r.statusCode() == 404) {
                empty++; // the outbox relay may still be putting a ticket in the queue
                Thread.sleep(100);
                continue;
            }
            claimed.add(PanelSession.ok(r).get("ticket").get("id").asLong());
        }
        return claimed;
    }

    /**
     * Moves the ticket's earliest deadline step into the past, as if its time had come, waits for
     * its alert, and checks no second one comes once both instances' minute-long scans have seen it.
     */
    private static void aPastDeadlineStepIsAlertedOnce(Site site, long ticket) throws Exception {
        String step;
        try (Connection c = site.db(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("UPDATE ticket_deadlines SET due_at = now() - interval '1 minute' WHERE ticket_id = "
                     + ticket + " AND step = (SELECT step FROM ticket_deadlines WHERE ticket_id = " + ticket
                     + " AND step NOT LIKE '%.max' ORDER BY due_at LIMIT 1) RETURNING step")) {
            assertThat(r.next()).as("ticket %s has a deadline", ticket).isTrue();
            step = r.getString(1);
        }
        String alerts = "SELECT count(*) FROM ticket_events WHERE ticket_id = " + ticket + " AND action = 'deadline-alert'"
                + " AND data->>'step' = '" + step + "' AND data->>'state' = 'missed'";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (longs(site, alerts).get(0) == 0) {
            assertThat(System.nanoTime()).as("a missed-deadline alert of step %s within 90 s", step).isLessThan(deadline);
            Thread.sleep(500);
        }
        Thread.sleep(Duration.ofSeconds(65).toMillis()); // each watcher scans once a minute: both have seen it since
        assertThat(longs(site, alerts).get(0)).as("missed-deadline alerts of step %s", step).isEqualTo(1);
    }

    private static long ticketId(Site site, String linkedid) throws Exception {
        site.awaitTicket(linkedid, "ANSWERED");
        return longs(site, "SELECT id FROM tickets WHERE linkedid = '" + linkedid + "'").get(0);
    }

    private static List<Long> longs(Site site, String sql) throws Exception {
        try (Connection c = site.db(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getLong(1));
            }
            return out;
        }
    }
}
