package org.hotline.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which processes count as a stale server on a data directory: a fake {@code /proc} tree for the
 * rules, then real processes to show that only the proven one is signalled.
 */
class StaleProcessesTest {

    @TempDir
    Path tmp;

    /** Writes {@code /proc/<pid>} with a command line, a working directory and an executable. */
    private Path fakeProcess(Path proc, long pid, Path exe, Path cwd, String... argv) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.write(dir.resolve("cmdline"), (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
        if (cwd != null) {
            Files.createSymbolicLink(dir.resolve("cwd"), cwd);
        }
        if (exe != null) {
            Files.createSymbolicLink(dir.resolve("exe"), exe);
        }
        return dir;
    }

    @Test
    void thePidFileCountsOnlyWhenProcIdentifiesThatProgramOnThatDirectory() throws Exception {
        Path proc = Files.createDirectories(tmp.resolve("proc"));
        Path data = Files.createDirectories(tmp.resolve("data/postgres"));
        Path other = Files.createDirectories(tmp.resolve("other/postgres"));
        Path postgres = Files.createFile(tmp.resolve("postgres"));
        Path sleep = Files.createFile(tmp.resolve("sleep"));
        fakeProcess(proc, 101, sleep, tmp, "sleep", "1000");                                   // a reused pid
        fakeProcess(proc, 102, postgres, other, postgres.toString(), "-D", other.toString());  // another directory's
        fakeProcess(proc, 103, postgres, data, postgres.toString(), "-D", data.toString(), "-p", "5432");
        fakeProcess(proc, 104, postgres, data, "postgres: checkpointer ");                     // an orphaned backend
        Path pidFile = data.resolve("postmaster.pid");
        StaleProcesses stale = new StaleProcesses(new ProcessTable(proc), "postgres", data);

        Files.writeString(pidFile, "101\n" + data + "\n");
        assertThat(stale.find(Optional.of(pidFile))).extracting(ProcessTable.Entry::pid)
                .containsExactlyInAnyOrder(103L, 104L);

        Files.writeString(pidFile, "104\n" + data + "\n");
        assertThat(stale.find(Optional.of(pidFile))).extracting(ProcessTable.Entry::pid).startsWith(104L)
                .containsExactlyInAnyOrder(103L, 104L);

        assertThat(new StaleProcesses(new ProcessTable(proc), "postgres", other).find(Optional.of(pidFile)))
                .extracting(ProcessTable.Entry::pid).containsExactly(102L);
        assertThat(new StaleProcesses(new ProcessTable(proc), "redis-server", data).find(Optional.empty())).isEmpty();
    }

    @Test
    void theDataDirectoryArgumentIdentifiesAPostmasterWhoseWorkingDirectoryCannotBeRead() throws Exception {
        Path proc = Files.createDirectories(tmp.resolve("proc"));
        Path data = Files.createDirectories(tmp.resolve("data/postgres"));
        fakeProcess(proc, 201, null, null, "/opt/pg/bin/postgres", "-D", data.toString());
        fakeProcess(proc, 202, null, null, "/opt/pg/bin/postgres", "-D", "relative/postgres");
        fakeProcess(proc, 203, null, null, "/usr/bin/python3", "-D", data.toString());

        assertThat(new StaleProcesses(new ProcessTable(proc), "postgres", data).find(Optional.empty()))
                .extracting(ProcessTable.Entry::pid).containsExactly(201L);
    }

    @Test
    void aMissingTornOrForeignPidFileIsNoHint() throws Exception {
        Path file = tmp.resolve("postmaster.pid");
        assertThat(StaleProcesses.readPid(file)).isEmpty();
        Files.writeString(file, "");
        assertThat(StaleProcesses.readPid(file)).isEmpty();
        Files.writeString(file, "12a\n");
        assertThat(StaleProcesses.readPid(file)).isEmpty();
        Files.writeString(file, "-5\n");
        assertThat(StaleProcesses.readPid(file)).isEmpty();
        Files.writeString(file, " 4242 \n/data\n");
        assertThat(StaleProcesses.readPid(file)).contains(4242L);
    }

    @Test
    void aProgramNamePrefixMatchesTheShippedRedisBinary() {
        ProcessTable.Entry redis = new ProcessTable.Entry(1, List.of("/tmp/x/redis-server-6.2.6-v5-linux-amd64 127.0.0.1:6379"),
                Optional.empty(), Optional.of(Path.of("/tmp/x/redis-server-6.2.6-v5-linux-amd64")));
        ProcessTable.Entry titled = new ProcessTable.Entry(2, List.of("postgres: hotline_app hotline 127.0.0.1(5) idle"),
                Optional.empty(), Optional.empty());

        assertThat(redis.program()).isEqualTo("redis-server-6.2.6-v5-linux-amd64");
        assertThat(titled.program()).isEqualTo("postgres");
    }

    /**
     * Real processes: a program called {@code postgres} working in the data directory is stopped;
     * an unrelated process whose pid the pid file names lives on.
     */
    @Test
    void stopsTheProvenProcessAndNeverTheOneThePidFileWronglyNames() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data/postgres"));
        Path fakePostgres = tmp.resolve("bin/postgres");
        Files.createDirectories(fakePostgres.getParent());
        Files.copy(Path.of(sleepBinary()), fakePostgres, StandardCopyOption.COPY_ATTRIBUTES);
        Process unrelated = new ProcessBuilder(sleepBinary(), "300").start();
        Process stale = new ProcessBuilder(fakePostgres.toString(), "300").directory(data.toFile()).start();
        try {
            Path pidFile = data.resolve("postmaster.pid");
            Files.writeString(pidFile, unrelated.pid() + "\n" + data + "\n");
            StaleProcesses processes = new StaleProcesses(ProcessTable.system(), "postgres", data);

            List<ProcessTable.Entry> found = processes.find(Optional.of(pidFile));
            assertThat(found).extracting(ProcessTable.Entry::pid).containsExactly(stale.pid());

            processes.stop(found, "INT", Duration.ofSeconds(10));

            assertThat(stale.waitFor(10, TimeUnit.SECONDS)).as("the stale program was stopped").isTrue();
            assertThat(unrelated.isAlive()).as("the process the pid file names is someone else's").isTrue();
            assertThat(processes.find(Optional.of(pidFile))).isEmpty();
        } finally {
            unrelated.destroyForcibly();
            stale.destroyForcibly();
        }
    }

    private static String sleepBinary() {
        return Files.isExecutable(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";
    }
}
