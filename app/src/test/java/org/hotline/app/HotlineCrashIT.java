package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.app.HotlineJar.Run;
import org.hotline.domain.ticket.Ticket;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.StorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and restart of {@code java -jar hotline.jar run} on its embedded PostgreSQL and Redis, the
 * jar run as a separate process and killed as an operator or the kernel would: {@code kill -9}
 * of the JVM, {@code kill -9} of the postmaster, a database that hangs. Calls are placed with
 * {@code simulate-call} as the README shows; tickets are read back from the data directory.
 * Nothing is left running: every process the service started is checked to be gone.
 */
class HotlineCrashIT {
    /** What the issue asks of a start after a crash. */
    private static final Duration READY_AFTER_CRASH = Duration.ofSeconds(15);
    /** A first start unpacks and initialises the cluster, on a shared machine. */
    private static final Duration FIRST_START = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final java.util.List<Process> services = new java.util.ArrayList<>();

    @BeforeAll
    static void jarIsBuilt() {
        HotlineJar.requireBuilt();
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process p : services) {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** One run of the service, in its own working directory, on the shared data directory. */
    private record Service(Process process, Path workDir, int agiPort, URI panel, Duration readyAfter) {}

    private Service startService(String name, Duration limit) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        Files.writeString(work.resolve("hotline.yaml"), HotlineJar.config(data(), 0, 0));
        long began = System.nanoTime();
        Process p = HotlineJar.start(work, "run", "--config", "hotline.yaml");
        services.add(p);
        JsonNode ready = HotlineJar.JSON.readTree(HotlineJar.awaitLine(work.resolve("out.txt"), "\"status\":\"ready\"", p,
                limit));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(ready.get("postgres").asText()).isEqualTo("up");
        assertThat(ready.get("redis").asText()).isEqualTo("up");
        return new Service(p, work, HotlineJar.agiPort(ready), URI.create(ready.get("panel").asText()), took);
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** Places a call with {@code simulate-call}; returns the ticket number the dialplan would see. */
    private String call(Service s, String from) throws Exception {
        Path work = Files.createDirectories(dir.resolve("call-" + from + "-" + System.nanoTime()));
        Files.writeString(work.resolve("call.yaml"), HotlineJar.config(data(), s.agiPort(), 0));
        Run call = HotlineJar.run(work, Duration.ofSeconds(60), "simulate-call", "--config", "call.yaml",
                "--line", "complaints", "--from", from, "--digits", "111201#2");
        assertThat(call.exitCode()).as(call.err()).isZero();
        JsonNode variables = HotlineJar.JSON.readTree(call.out()).get("variables");
        assertThat(variables.get("HOTLINE_STATUS").asText()).isEqualTo("OK");
        return variables.get("HOTLINE_TICKET").asText();
    }

    /** The tickets in the data directory opened by calls from {@code from} (the service must be running). */
    private List<Ticket> ticketsFrom(String from) {
        try (StorageReader reader = StorageReader.open(StorageConfig.embedded(data()), Clock.systemUTC())) {
            return reader.tickets().callerHistory(from, 0).previous();
        }
    }

    private long pidIn(String pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(data().resolve(pidFile), StandardCharsets.US_ASCII).get(0).trim());
    }

    private static void assertAllGone(List<ProcessHandle> processes, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(processes.stream().filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList())
                .as("processes the killed service started, still running").isEmpty();
    }

    private static JsonNode health(Service s) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(s.panel().resolve("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return HotlineJar.JSON.readTree(r.body());
    }

    private static void signal(long pid, String name) throws Exception {
        assertThat(new ProcessBuilder("kill", "-s", name, Long.toString(pid)).start().waitFor()).isZero();
    }

    @Test
    void afterKill9OfTheServiceTheNextStartIsReadyWithin15sKeepsItsTicketsAndNothingIsOrphaned() throws Exception {
        Service first = startService("first", FIRST_START);
        String before = call(first, "13900000001");
        assertThat(before).startsWith("HL-").doesNotContain("PENDING");
        long postmaster = pidIn("postgres/postmaster.pid");
        long redis = pidIn("redis/redis-server.pid");
        List<ProcessHandle> started = first.process().descendants().toList();
        assertThat(started).extracting(ProcessHandle::pid).contains(postmaster, redis);

        first.process().destroyForcibly(); // kill -9: no shutdown hook runs
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        // the lifeline: postgres and redis stop by themselves, nobody has to come and reclaim them
        assertAllGone(started, Duration.ofSeconds(20));
        Service second = startService("second", READY_AFTER_CRASH);

        assertThat(second.readyAfter()).isLessThanOrEqualTo(READY_AFTER_CRASH);
        assertThat(pidIn("postgres/postmaster.pid")).isNotEqualTo(postmaster);
        String after = call(second, "13900000002");
        assertThat(ticketsFrom("13900000001")).extracting(Ticket::number).containsExactly(before);
        assertThat(ticketsFrom("13900000002")).extracting(Ticket::number).containsExactly(after);

        // a second service on the same data directory is refused at once, in one line
        long runningPostmaster = pidIn("postgres/postmaster.pid");
        Path third = Files.createDirectories(dir.resolve("third"));
        Files.writeString(third.resolve("hotline.yaml"), HotlineJar.config(data(), 0, 0));
        Run refused = HotlineJar.run(third, Duration.ofMinutes(2), "run", "--config", "hotline.yaml");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().lines().filter(l -> l.startsWith("hotline run:")).toList()).containsExactly(
                "hotline run: cannot start: the data directory " + data() + " is in use by another running hotline (pid "
                        + second.process().pid() + "); stop that one first, or give this one its own storage.data-dir");
        assertThat(refused.err()).doesNotContain("\tat ");
        assertThat(pidIn("postgres/postmaster.pid")).as("the refused start left the running one alone")
                .isEqualTo(runningPostmaster);
        assertThat(ProcessHandle.of(runningPostmaster).map(ProcessHandle::isAlive)).contains(true);

        // SIGTERM stops everything the service started
        List<ProcessHandle> children = second.process().descendants().toList();
        second.process().destroy();
        assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertAllGone(children, Duration.ofSeconds(5));
        assertThat(Files.readString(second.workDir().resolve("err.txt"))).contains("Stopping hotline.");
    }

    @Test
    void afterKill9OfThePostmasterTheServiceStartsItAgainAndKeepsTakingCalls() throws Exception {
        Service service = startService("service", FIRST_START);
        String before = call(service, "13900000011");
        long postmaster = pidIn("postgres/postmaster.pid");
        List<ProcessHandle> backends = ProcessHandle.of(postmaster).orElseThrow().children().toList();

        signal(postmaster, "KILL");

        long deadline = System.nanoTime() + READY_AFTER_CRASH.toNanos();
        JsonNode postgres = health(service).get("checks").get("postgres");
        while (!(postgres.get("status").asText().equals("up") && postgres.get("detail").asText().contains("restarted 1 time"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            postgres = health(service).get("checks").get("postgres");
        }
        assertThat(postgres.get("status").asText()).as(postgres.toString()).isEqualTo("up");
        assertThat(postgres.get("detail").asText()).contains("embedded, pid " + pidIn("postgres/postmaster.pid"))
                .contains("restarted 1 time (last exit status 137)");
        assertThat(pidIn("postgres/postmaster.pid")).isNotEqualTo(postmaster);
        assertAllGone(backends, Duration.ofSeconds(15));

        String after = call(service, "13900000012");
        assertThat(after).doesNotContain("PENDING");
        assertThat(ticketsFrom("13900000011")).extracting(Ticket::number).containsExactly(before);
        assertThat(ticketsFrom("13900000012")).extracting(Ticket::number).containsExactly(after);
    }

    /**
     * The database hangs (postmaster stopped, the pool's backends gone): the caller does not wait
     * for it; it hears a ticket number reserved ahead, and the call's intake and outcomes wait in
     * the fsync'ed intake journal; the service is then killed before it could write them. The next
     * start stops the hung postmaster, and writes the journaled ticket, with that number, its
     * intake and its outcome, before it says it is ready.
     */
    @Test
    void aTicketSpooledWhileTheDatabaseHungSurvivesKill9OfTheService() throws Exception {
        Service first = startService("first", FIRST_START);
        String committed = call(first, "13900000021");
        long postmaster = pidIn("postgres/postmaster.pid");
        signal(postmaster, "STOP");
        for (ProcessHandle backend : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
            if (cmdline(backend.pid()).contains("hotline_app")) {
                backend.destroyForcibly();
            }
        }

        // (simulate-call's own read of the ticket waits on the hung database: its time says nothing of the caller's)
        String behind = call(first, "13900000022");
        assertThat(behind).as("a number reserved ahead from the sequence, told to the caller at once")
                .startsWith("HL-").doesNotContain("PENDING");
        List<Path> journaled = journalFiles();
        assertThat(journaled).as("the intake is in the journal, fsync'ed").isNotEmpty();
        List<ProcessHandle> started = first.process().descendants().toList();
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        // at once: the hung postmaster is still there. Stopping it (it first recovers from the killed
        // backends) is not bounded by the 15 s of a plain crash: on a loaded machine it can take longer.
        Service second = startService("second", FIRST_START);

        assertThat(Files.readString(second.workDir().resolve("err.txt")))
                .contains("stopping a stale postgres (pid " + postmaster + ") left on " + data().resolve("postgres"));
        assertAllGone(started, Duration.ofSeconds(20));
        assertThat(ticketsFrom("13900000021")).extracting(Ticket::number).containsExactly(committed);
        List<Ticket> replayed = ticketsFrom("13900000022");
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).number()).as("the number the caller heard").isEqualTo(behind);
        assertThat(replayed.get(0).kind()).hasToString("COMPLAINT");
        assertThat(replayed.get(0).location()).isEqualTo("1201");
        assertThat(replayed.get(0).callDisposition()).as("the call's last outcome, written in order").isNotNull();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (journaled.stream().anyMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(journaled).as("the killed service's journal, written and deleted").noneMatch(Files::exists);
        assertThat(spooledBytes()).as("nothing left to replay").isZero();
        assertThat(data().resolve("spool/spool-rejected.jsonl")).doesNotExist();
    }

    /** The intake journal's files (data-dir/spool/journal). */
    private List<Path> journalFiles() throws IOException {
        Path dir = data().resolve("spool/journal");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** What waits in the spool: its current file and any being replayed. */
    private long spooledBytes() throws IOException {
        try (var files = Files.list(data().resolve("spool"))) {
            long total = 0;
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("spool-rejected.jsonl"))
                    .filter(Files::isRegularFile).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
