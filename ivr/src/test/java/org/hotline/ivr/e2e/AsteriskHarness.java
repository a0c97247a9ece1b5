package org.hotline.ivr.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Asterisk 22 for end-to-end tests, running inside the Debian chroot that
 * {@code .ci/asterisk-chroot} builds (default {@code /var/lib/hotline-test/asterisk-root},
 * overridden by the environment variable {@code HOTLINE_ASTERISK_ROOT}).
 *
 * <p>Register it once per test class:
 * <pre>{@code @RegisterExtension static final AsteriskHarness asterisk = new AsteriskHarness();}</pre>
 * Before the class it writes a private configuration into {@code ROOT/tmp/hotline-it-<random>/}
 * (every Asterisk directory points there: two runs never share a socket, a spool or a
 * database), made of the production files of {@code asterisk-config/} — extensions.conf
 * unchanged, queues.conf with the agent phones rewritten to {@code Local/10xx@hotline-test-phones},
 * manager.conf on a free loopback port with a test secret, cdr.conf unchanged and
 * cdr_pgsql.conf pointed at the test's PostgreSQL (when the test names one,
 * {@link #AsteriskHarness(Supplier)}; otherwise cdr_pgsql is not loaded) — plus the test-only callers and
 * phones of {@code src/test/resources/asterisk/extensions.conf}. It starts Asterisk as root in
 * the chroot in its own process group, waits for AMI, and after the class stops it (TERM, then
 * KILL of the whole group), keeps its logs under {@code target/asterisk-it/} and deletes the
 * folder. Should the JVM die first, a watchdog on the launcher's stdin stops Asterisk.
 *
 * <p>When the chroot is missing the tests are skipped with a message naming
 * {@code .ci/asterisk-chroot}; under {@code CI=true} they fail instead.
 *
 * <p>Not thread-safe: one test class drives it at a time (Failsafe runs classes serially).
 */
public final class AsteriskHarness implements BeforeAllCallback, AfterAllCallback {
    /** The default place of the chroot, as {@code .ci/asterisk-chroot} builds it. */
    public static final Path DEFAULT_ROOT = Path.of("/var/lib/hotline-test/asterisk-root");
    /** Context of the simulated agent and duty phones. */
    public static final String PHONES = "hotline-test-phones";
    /** The dial-string template that reaches a simulated phone: {@code {number}} is the phone's name. */
    public static final String DIAL_TEMPLATE = "Local/{number}@" + PHONES;
    /** The least-privilege AMI user of the production manager.conf. */
    public static final String HOTLINE_AMI_USER = "hotline";
    /** The satisfaction call-back's AMI user of the production manager.conf (write: originate only). */
    public static final String SURVEY_AMI_USER = "hotline-survey";

    private static final String ADMIN_USER = "hotline-test-admin";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(40);
    private static final AtomicInteger CALLS = new AtomicInteger();

    private final Path root;
    private final Supplier<CdrDatabase> cdrDatabase;
    private final String amiSecret = "it-" + UUID.randomUUID();
    private final String adminSecret = "adm-" + UUID.randomUUID();
    private Path runDir;
    private String runDirInChroot;
    private int amiPort;
    private Process process;
    private AmiTestConnection admin;

    /**
     * Where Asterisk's cdr_pgsql writes the call records in a test: the values the harness puts
     * into the production cdr_pgsql.conf in place of the deployment's.
     */
    public record CdrDatabase(String host, int port, String database, String user, String password) {}

    /** An Asterisk without call records in PostgreSQL (cdr_pgsql not loaded). */
    public AsteriskHarness() {
        this(null);
    }

    /**
     * An Asterisk whose cdr_pgsql writes into {@code cdrDatabase} (asked for when Asterisk starts,
     * so a test can start its PostgreSQL first).
     */
    public AsteriskHarness(Supplier<CdrDatabase> cdrDatabase) {
        String env = System.getenv("HOTLINE_ASTERISK_ROOT");
        this.root = env == null || env.isBlank() ? DEFAULT_ROOT : Path.of(env);
        this.cdrDatabase = cdrDatabase;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Whether the chroot with Asterisk is there; the reason when not. */
    static String missingChroot(Path root) {
        if (!Files.isExecutable(root.resolve("usr/sbin/asterisk"))) {
            return "no Asterisk chroot at " + root + " (build it with `sudo .ci/asterisk-chroot`, "
                    + "or point HOTLINE_ASTERISK_ROOT at one)";
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/chroot")) && !Files.isExecutable(Path.of("/usr/bin/chroot"))) {
            return "no chroot command on this machine";
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return "the tests start Asterisk with chroot, which needs root (running as uid " + uid + ")";
            }
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot tell whether this process is root: " + e.getMessage();
        }
        return null;
    }

    /** Starts Asterisk; skips (or fails under CI=true) when the chroot is missing. */
    public void start() throws IOException, InterruptedException {
        String missing = missingChroot(root);
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but the Asterisk end-to-end tests cannot run: " + missing);
            }
            System.err.println("asterisk-it: Asterisk end-to-end tests skipped: " + missing);
            Assumptions.abort("Asterisk end-to-end tests skipped: " + missing);
        }
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                startOnce();
                return;
            } catch (IOException e) {
                last = e;
                System.err.println("asterisk-it: start attempt " + attempt + " failed: " + e.getMessage());
                stop();
            }
        }
        throw last;
    }

    private void startOnce() throws IOException, InterruptedException {
        String id = "hotline-it-" + UUID.randomUUID().toString().substring(0, 8);
        runDirInChroot = "/tmp/" + id;
        runDir = root.resolve("tmp").resolve(id);
        for (String d : List.of("etc", "db", "spool", "run", "log", "recordings")) {
            Files.createDirectories(runDir.resolve(d));
        }
        amiPort = freePort();
        writeConfig(unusedPort());

        Path console = runDir.resolve("log/console.log");
        process = launch(console);

        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Asterisk exited at start (code " + process.exitValue() + "); console:\n" + tail(console));
            }
            try {
                admin = AmiTestConnection.open(amiPort, ADMIN_USER, adminSecret, Duration.ofSeconds(2));
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("AMI did not come up on 127.0.0.1:" + amiPort + " within " + BOOT_TIMEOUT
                            + "; console:\n" + tail(console));
                }
                Thread.sleep(200);
            }
        }
        // FullyBooted arrives on connect once every module is loaded.
        admin.await(0, m -> m.isEvent("FullyBooted"), BOOT_TIMEOUT, "FullyBooted");
    }

    /**
     * Starts Asterisk in the chroot, in a new process group. The launcher shell keeps its stdin
     * as a lifeline: when this JVM closes it (or dies), Asterisk gets TERM, then KILL.
     */
    private Process launch(Path console) throws IOException {
        String script = "exec 3<&0; chroot \"$1\" /usr/sbin/asterisk -U root -f -n -C \"$2\" </dev/null >\"$3\" 2>&1 & a=$!; "
                + "{ read -r _ <&3; kill -TERM $a 2>/dev/null; sleep 5; kill -KILL $a 2>/dev/null; } & wait $a";
        return new ProcessBuilder("setsid", "sh", "-c", script, "sh", root.toString(),
                runDirInChroot + "/etc/asterisk.conf", console.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void writeConfig(int agiPort) throws IOException {
        Path etc = runDir.resolve("etc");
        Path prod = productionConfigDir();
        CdrDatabase cdr = cdrDatabase == null ? null : cdrDatabase.get();
        for (String f : List.of("asterisk.conf", "modules.conf", "logger.conf", "cdr_manager.conf",
                "musiconhold.conf", "extensions.conf")) {
            String text = resource(f).replace("@RUN@", runDirInChroot).replace("@AGI_PORT@", Integer.toString(agiPort))
                    .replace("@CDR_PGSQL@", cdr == null ? "noload" : "load");
            Files.writeString(etc.resolve(f), text);
        }
        Files.copy(prod.resolve("cdr.conf"), etc.resolve("cdr.conf"), StandardCopyOption.REPLACE_EXISTING);
        if (cdr != null) {
            Files.writeString(etc.resolve("cdr_pgsql.conf"), testCdrPgsql(Files.readString(prod.resolve("cdr_pgsql.conf")), cdr));
        }
        Files.copy(prod.resolve("extensions.conf"), etc.resolve("hotline-extensions.conf"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(prod.resolve("voicemail.conf"), etc.resolve("voicemail.conf"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(etc.resolve("queues.conf"), testQueues(Files.readString(prod.resolve("queues.conf"))));
        Files.writeString(etc.resolve("manager.conf"), testManager(Files.readString(prod.resolve("manager.conf")),
                amiPort, amiSecret, ADMIN_USER, adminSecret));
        Path indications = root.resolve("etc/asterisk/indications.conf");
        if (Files.exists(indications)) {
            Files.copy(indications, etc.resolve("indications.conf"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The production queues.conf with each {@code PJSIP/10xx} agent phone replaced by its simulated phone. */
    static String testQueues(String production) {
        return Pattern.compile("PJSIP/(\\w+)").matcher(production).replaceAll("Local/$1@" + PHONES);
    }

    /**
     * The production manager.conf on the test's port with the test's secret for the hotline
     * and survey users (their rights unchanged), plus an all-rights user for the test's own observations.
     */
    static String testManager(String production, int port, String secret, String adminUser, String adminSecret) {
        String text = production.replaceAll("(?m)^port\\s*=.*$", Matcher.quoteReplacement("port = " + port));
        text = text.replaceAll("(?m)^secret\\s*=.*$", Matcher.quoteReplacement("secret = " + secret));
        return text + "\n[" + adminUser + "]\nsecret = " + adminSecret
                + "\ndeny = 0.0.0.0/0.0.0.0\npermit = 127.0.0.1/255.255.255.255\nread = all\nwrite = all\n";
    }

    /** The production cdr_pgsql.conf with the test's server, database, user and password. */
    static String testCdrPgsql(String production, CdrDatabase db) {
        String text = production;
        for (String[] kv : new String[][] {{"hostname", db.host()}, {"port", Integer.toString(db.port())},
                {"dbname", db.database()}, {"user", db.user()}, {"password", db.password()}}) {
            Matcher m = Pattern.compile("(?m)^" + kv[0] + "\\s*=.*$").matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("asterisk-config/cdr_pgsql.conf has no '" + kv[0] + " =' line");
            }
            text = m.replaceAll(Matcher.quoteReplacement(kv[0] + " = " + kv[1]));
        }
        return text;
    }

    /** Stops Asterisk (TERM, then KILL of its process group), keeps its logs, deletes the run folder. */
    public void stop() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (process != null) {
            long pid = process.pid();
            try {
                process.getOutputStream().close(); // the watchdog sends TERM
            } catch (IOException ignored) {
                // already closed
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    new ProcessBuilder("kill", "-KILL", "--", "-" + pid).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
            process = null;
        }
        if (runDir != null) {
            keepLogs();
            deleteTree(runDir);
            runDir = null;
        }
    }

    /**
     * Kills Asterisk with SIGKILL (no goodbye on AMI: no Hangup events, the socket just drops)
     * and starts it again on the same AMI port, as after a crash (for reconnect tests).
     */
    public void crashAndRestart() throws IOException, InterruptedException {
        int port = amiPort;
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (process != null) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
            process.waitFor(15, TimeUnit.SECONDS);
        }
        Path console = runDir.resolve("log/console.log");
        Files.move(console, runDir.resolve("log/console-before-restart.log"), StandardCopyOption.REPLACE_EXISTING);
        amiPort = port;
        process = launch(console);
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (admin == null) {
            try {
                admin = AmiTestConnection.open(amiPort, ADMIN_USER, adminSecret, Duration.ofSeconds(2));
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IOException("Asterisk did not come back after restart; console:\n" + tail(console));
                }
                Thread.sleep(200);
            }
        }
        admin.await(0, m -> m.isEvent("FullyBooted"), BOOT_TIMEOUT, "FullyBooted after restart");
    }

    private void keepLogs() {
        Path target = Path.of("target", "asterisk-it", runDir.getFileName().toString());
        try (Stream<Path> files = Files.list(runDir.resolve("log"))) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("asterisk-it: could not keep logs: " + e);
        }
    }

    // ---- what tests use -------------------------------------------------------------------

    /** The AMI port (loopback) of this run. */
    public int amiPort() {
        return amiPort;
    }

    /** The secret of the production least-privilege user {@value #HOTLINE_AMI_USER} in this run. */
    public String hotlineAmiSecret() {
        return amiSecret;
    }

    /** The secret of the production survey user {@value #SURVEY_AMI_USER} in this run. */
    public String surveyAmiSecret() {
        return amiSecret;
    }

    /** The test's own all-rights AMI connection, recording every event since start. */
    public AmiTestConnection ami() {
        return admin;
    }

    /** Sets a dialplan global variable (AMI Setvar without a channel). */
    public void setGlobal(String name, String value) {
        try {
            AmiMessage r = admin.action("Setvar", "Variable", name, "Value", value);
            if (!"Success".equalsIgnoreCase(r.get("Response"))) {
                throw new IllegalStateException("Setvar " + name + " refused: " + r.get("Message"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the production dialplan's {@code HOTLINE_AGI} at a FastAGI server on this port. */
    public void useAgiPort(int port) {
        setGlobal("HOTLINE_AGI", "agi://127.0.0.1:" + port);
    }

    /** Points {@code HOTLINE_AGI} at a loopback port where nothing listens: the service is down. */
    public void agiDown() throws IOException {
        useAgiPort(unusedPort());
    }

    /** How a simulated phone behaves when it rings. */
    public enum PhoneMode { ANSWER, SILENT, BUSY }

    /** Sets how the simulated phone {@code name} (e.g. {@code 1001}, {@code 13800000001}, {@code duty}) behaves. */
    public void phone(String name, PhoneMode mode) {
        setGlobal("PHONE_" + name, mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Makes the simulated phone {@code name} answer, then key {@code digit} and talk in turn (a score, then a comment). */
    public void phoneKeysAndTalks(String name, char digit) {
        if (digit < '0' || digit > '9') {
            throw new IllegalArgumentException("a phone keys a digit, got " + digit);
        }
        setGlobal("PHONE_" + name, "comment" + digit);
    }

    /** Makes the simulated phone {@code name} answer and key {@code digit} every second until hung up. */
    public void phoneKeys(String name, char digit) {
        if (digit < '0' || digit > '9') {
            throw new IllegalArgumentException("a phone keys a digit, got " + digit);
        }
        setGlobal("PHONE_" + name, "keys" + digit);
    }

    /** The Asterisk device of a simulated phone, as queue members and the agent map name it. */
    public static String device(String name) {
        return "Local/" + name + "@" + PHONES;
    }

    /** Makes the static fallback see office hours ({@code true}) or not, whatever the wall clock says. */
    public void fallbackOfficeHours(boolean office) {
        if (office) {
            setGlobal("HOTLINE_OFFICE_TIMES", "*,*,*,*");
        } else {
            // A month that is not the current one (nor the next, should the test cross midnight of a month end).
            java.time.Month now = java.time.LocalDate.now().getMonth();
            String other = now.plus(3).getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                    .toLowerCase(java.util.Locale.ROOT);
            setGlobal("HOTLINE_OFFICE_TIMES", "*,*,*," + other);
        }
    }

    /**
     * Places a call to {@code dialled} (a hotline number, through the production
     * {@code hotline-from-trunk}) from {@code callerNumber}/{@code callerName}.
     */
    public TestCall call(String dialled, String callerNumber, String callerName) {
        int n = CALLS.incrementAndGet();
        String callerId = "hl-caller-" + n + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        String ivrId = callerId.replace("hl-caller-", "hl-ivr-");
        int mark = admin.mark();
        try {
            AmiMessage r = admin.action(Map.of(
                    "Action", "Originate",
                    "Channel", "Local/" + dialled + "@hotline-from-trunk",
                    "Context", "hotline-test-caller",
                    "Exten", "talk",
                    "Priority", "1",
                    "CallerID", "\"" + callerName + "\" <" + callerNumber + ">",
                    "ChannelId", callerId,
                    "OtherChannelId", ivrId,
                    "Timeout", "30000",
                    "Async", "true"));
            if (!"Success".equalsIgnoreCase(r.get("Response"))) {
                throw new IllegalStateException("Originate refused: " + r.get("Message"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestCall(admin, callerId, ivrId, mark);
    }

    /** The voicemail messages' text files of {@code box@context}, as Asterisk wrote them (host path). */
    public List<Path> voicemailMessages(String box, String context) throws IOException {
        Path inbox = runDir.resolve("spool/voicemail").resolve(context).resolve(box).resolve("INBOX");
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** Host path of the run's spool directory (recordings, voicemail). */
    public Path spoolDir() {
        return runDir.resolve("spool");
    }

    /** Turns a path inside the chroot (as Asterisk reports it) into a host path. */
    public Path hostPath(String chrootPath) {
        return root.resolve(chrootPath.startsWith("/") ? chrootPath.substring(1) : chrootPath);
    }

    /** Where the flow may RECORD FILE in this run, as Asterisk sees it (an absolute path in the chroot). */
    public String recordingsDirInChroot() {
        return runDirInChroot + "/recordings";
    }

    /** The run folder as Asterisk sees it (inside the chroot). */
    public String runDirInChroot() {
        return runDirInChroot;
    }

    // ---- plumbing --------------------------------------------------------------------------

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A loopback port nothing listens on right now. */
    static int unusedPort() throws IOException {
        return freePort();
    }

    /** Finds {@code asterisk-config/} by walking up from the working directory. */
    static Path productionConfigDir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("asterisk-config");
            if (Files.exists(candidate.resolve("extensions.conf"))) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("asterisk-config/extensions.conf not found above " + Path.of("").toAbsolutePath());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AsteriskHarness.class.getResourceAsStream("/asterisk/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource asterisk/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("asterisk-it: could not delete " + dir + ": " + e);
        }
    }
}
