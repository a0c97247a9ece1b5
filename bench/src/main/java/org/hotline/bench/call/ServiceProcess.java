package org.hotline.bench.call;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real service under load: {@code java -jar hotline.jar run} on the shipped example
 * configuration with only what a benchmark must change (free ports, {@code max-calls}, a fresh
 * data directory, no AMI to reach, the given storage URLs if any), in its own process; and its
 * storage's processes found for their CPU. Closing it sends SIGTERM and waits.
 */
final class ServiceProcess implements AutoCloseable {

    /** Storage to use instead of the embedded servers; null fields leave a server embedded. */
    record Storage(String postgresUrl, String postgresUser, String postgresPassword, String redisUrl,
                   Long postgresPid, Long redisPid) {}

    private final Process process;
    private final Path work;
    private final int agiPort;
    private final Storage storage;

    ServiceProcess(Path jar, Path exampleConfig, Path work, String heap, String jvmOptions, int agiPort, int panelPort,
                   int maxCalls, Storage storage) throws IOException {
        this.work = work;
        this.agiPort = agiPort;
        this.storage = storage;
        Files.createDirectories(work);
        Files.writeString(work.resolve("hotline.yaml"), config(Files.readString(exampleConfig), agiPort, panelPort,
                maxCalls, work.resolve("data"), storage));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap));
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "run", "--config", "hotline.yaml"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(work.resolve("service.log").toFile());
        builder.environment().put("HOTLINE_ADMIN_PASSWORD", "bench-admin-password-1");
        process = builder.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "stop-the-service"));
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("\"status\":\"ready\"")) {
            // logs go to stderr; stdout has the ready line
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the service did not become ready; see " + work.resolve("service.log"));
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the service ended
            }
        }, "service-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    /** The example configuration with the benchmark's changes, each named by the key it changes. */
    static String config(String example, int agiPort, int panelPort, int maxCalls, Path dataDir, Storage storage) {
        String c = example
                .replaceFirst("(?m)^    port: 4573$", "    port: " + agiPort)
                .replaceFirst("(?m)^    max-calls: \\d+$", "    max-calls: " + maxCalls)
                .replaceFirst("(?m)^  port: 8080$", "  port: " + panelPort)
                .replaceFirst("(?m)^  data-dir: .*$", "  data-dir: \"" + dataDir + "\"")
                // no PBX to reach: the AMI client would only reconnect in a loop
                .replaceFirst("(?ms)^  # AMI, with a least-privilege user.*?^    secret: [^\\n]*\\n", "");
        StringBuilder urls = new StringBuilder();
        if (storage.postgresUrl() != null) {
            urls.append("  postgres-url: \"").append(storage.postgresUrl()).append("\"\n")
                    .append("  postgres-user: \"").append(storage.postgresUser()).append("\"\n")
                    .append("  postgres-password: \"").append(storage.postgresPassword()).append("\"\n");
        }
        if (storage.redisUrl() != null) {
            urls.append("  redis-url: \"").append(storage.redisUrl()).append("\"\n");
        }
        c = c.replaceFirst("(?m)^storage:\\n", "storage:\n" + urls);
        for (String changed : new String[] {"port: " + agiPort, "max-calls: " + maxCalls, "port: " + panelPort}) {
            if (!c.contains(changed)) {
                throw new IllegalArgumentException("the example configuration no longer has the key the bench sets: " + changed);
            }
        }
        if (c.contains("\n  ami:")) {
            throw new IllegalArgumentException("the example configuration's asterisk.ami block was not recognised");
        }
        return c;
    }

    int agiPort() {
        return agiPort;
    }

    ProcTree service() {
        return new ProcTree(process.pid());
    }

    /** The PostgreSQL postmaster: the given pid, else the embedded one's from its lock file. */
    Optional<ProcTree> postgres() {
        if (storage.postgresPid() != null) {
            return Optional.of(new ProcTree(storage.postgresPid()));
        }
        if (storage.postgresUrl() != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcTree(Long.parseLong(
                    Files.readAllLines(work.resolve("data/postgres/postmaster.pid")).get(0).trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Optional<ProcTree> redis() {
        if (storage.redisPid() != null) {
            return Optional.of(new ProcTree(storage.redisPid()));
        }
        if (storage.redisUrl() != null) {
            return Optional.empty();
        }
        return ProcTree.descendant(process.pid(), cmd -> cmd.contains("redis-server")).map(ProcTree::new);
    }

    String jdbcUrl() throws IOException {
        if (storage.postgresUrl() != null) {
            return storage.postgresUrl();
        }
        int port = Integer.parseInt(Files.readAllLines(work.resolve("data/postgres/postmaster.pid")).get(3).trim());
        return "jdbc:postgresql://127.0.0.1:" + port + "/hotline";
    }

    String jdbcUser() {
        return storage.postgresUrl() != null ? storage.postgresUser() : "postgres";
    }

    String jdbcPassword() {
        return storage.postgresUrl() != null ? storage.postgresPassword() : "";
    }

    /** The highest ticket id and the database's commits so far: tickets and transactions per second. */
    long[] written() throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), jdbcUser(), jdbcPassword().isEmpty() ? null : jdbcPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT coalesce(max(id), 0) FROM tickets), "
                     + "(SELECT count(*) FROM tickets), "
                     + "(SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (SQLException e) {
            throw new IOException("could not count the tickets: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
