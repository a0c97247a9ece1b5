package org.hotline.bench.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code pgbench} with a single-row insert transaction against a server, with per-transaction
 * logging ({@code -l}), and reads the latencies from its logs so percentiles are computed exactly
 * like ours.
 */
final class PgbenchRun {

    /** The comparable transaction: one row, a unique text key, a bigint identity key, a timestamp. */
    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS bench_intake (
                id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                linkedid      text NOT NULL UNIQUE,
                line          text NOT NULL,
                caller_number text,
                caller_name   text,
                created_at    timestamptz NOT NULL DEFAULT now())
            """;

    /** The ticket intake statement itself (as PgTicketRepository sends it), driven by pgbench's C client. */
    static final String INTAKE_SCRIPT = """
            \\set n random(1, 9000000000000000)
            \\set c random(13900000000, 13900100000)
            WITH ins AS (INSERT INTO tickets (number, line, urgency, status, caller_number, caller_name, uniqueid, linkedid, version, created_at, updated_at) SELECT 'HL-' || 2026 || '-' || lpad(n::text, greatest(6, length(n::text)), '0'), 'complaints', 'NORMAL', 'ACCEPTED', :c, 'Wang', 'u', 'pgb.' || :client_id || '.' || :n, 0, now(), now() FROM next_ticket_number(2026) AS n ON CONFLICT (linkedid) DO NOTHING RETURNING *), ev AS (INSERT INTO ticket_events (ticket_id, seq, at, actor, actor_role, action, from_state, to_state, data) SELECT id, 1, created_at, 'ivr', 'SYSTEM', 'opened', NULL, 'ACCEPTED', jsonb_build_object('line', line, 'uniqueid', uniqueid) FROM ins), cl AS (INSERT INTO callers (number, first_name, first_seen) SELECT caller_number, caller_name, created_at FROM ins WHERE caller_number IS NOT NULL AND caller_number <> '' ON CONFLICT (number) DO NOTHING) SELECT * FROM ins;
            """;

    static final String SCRIPT = """
            \\set n random(1, 9000000000000000)
            INSERT INTO bench_intake (linkedid, line, caller_number, caller_name) VALUES (:client_id || '.' || :n, 'complaints', '13900000000', 'Wang');
            """;

    private final String pgbench;
    private final int port;
    private final String user;
    private final String database;
    private final Path work;

    PgbenchRun(String pgbench, int port, String user, String database, Path work) {
        this.pgbench = pgbench;
        this.port = port;
        this.user = user;
        this.database = database;
        this.work = work;
    }

    RunResult run(int clients, int seconds) throws IOException, InterruptedException {
        return run(clients, seconds, SCRIPT, "pgbench insert");
    }

    RunResult run(int clients, int seconds, String scriptText, String label) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "pgbench-" + clients + "-");
        Path script = dir.resolve("intake.sql");
        Files.writeString(script, scriptText, StandardCharsets.UTF_8);
        List<String> cmd = List.of(pgbench, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", user, "-n", "-M", "prepared",
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 4)),
                "-T", Integer.toString(seconds), "-f", script.toString(), "-l", "--log-prefix", dir.resolve("log").toString(),
                database);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + String.join(" ", cmd) + "\n" + out);
        }
        LatencyRecorder latencies = new LatencyRecorder();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] f = line.trim().split("\\s+");
                    // client_id transaction_no latency_us script_no epoch_s epoch_us
                    latencies.record(Long.parseLong(f[2]) * 1000);
                    long end = Long.parseLong(f[4]) * 1_000_000 + Long.parseLong(f[5]);
                    first = Math.min(first, end - Long.parseLong(f[2]));
                    last = Math.max(last, end);
                }
            }
        }
        double elapsed = Math.max(1, last - first) / 1e6;
        return new RunResult(label, clients, latencies.count(), elapsed,
                latencies.percentileMillis(0.50), latencies.percentileMillis(0.99));
    }
}
