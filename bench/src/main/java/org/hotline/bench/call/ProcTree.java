package org.hotline.bench.call;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Figures of a process and its descendants read from {@code /proc}: CPU ticks (user plus
 * system, 1/100 s), resident memory and threads. The root's {@code cutime}/{@code cstime} count
 * descendants that already exited (PostgreSQL backends), so CPU is not lost when they come and go.
 */
final class ProcTree {

    private final long root;

    ProcTree(long root) {
        this.root = root;
    }

    long pid() {
        return root;
    }

    /** The first descendant of {@code pid} whose command line matches, e.g. the embedded postmaster. */
    static Optional<Long> descendant(long pid, Predicate<String> commandLine) {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .filter(p -> commandLine.test(p.info().commandLine().orElse(p.info().command().orElse(""))))
                .map(ProcessHandle::pid).findFirst();
    }

    /** CPU ticks of the root (with its reaped children) and of every live descendant. */
    long cpuTicks() {
        long ticks = ticks(root, true);
        List<Long> descendants = ProcessHandle.of(root).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid).toList();
        for (long pid : descendants) {
            ticks += ticks(pid, false);
        }
        return ticks;
    }

    /** CPU ticks of the root process alone (all its threads), not of its children. */
    long ownTicks() {
        return ticks(root, false);
    }

    /** Busy and total ticks of the whole machine, from {@code /proc/stat}'s first line. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 1};
        }
    }

    long rssKib() {
        return status(root, "VmRSS:");
    }

    long threads() {
        return status(root, "Threads:");
    }

    private static long ticks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long status(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }
}
