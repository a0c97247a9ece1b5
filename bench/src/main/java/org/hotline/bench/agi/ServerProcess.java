package org.hotline.bench.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark server JVM ({@link BenchServer}) and its figures from {@code /proc}: resident
 * memory, threads and CPU time. Closing it closes its standard input and waits for it to exit.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;

    ServerProcess(String javaHome, String classpath, String heap, String jvmOptions, String kind, int port, int maxCalls,
                  int ioThreads) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(), "-Xmx" + heap));
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", classpath, BenchServer.class.getName(), kind,
                Integer.toString(port), Integer.toString(maxCalls), Integer.toString(ioThreads)));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"READY".equals(line)) {
            process.destroyForcibly();
            throw new IOException("benchmark server " + kind + " did not start (said: " + line + ")");
        }
    }

    /** Resident set size in KiB. */
    long rssKib() {
        return statusField("VmRSS:");
    }

    long threads() {
        return statusField("Threads:");
    }

    /** User plus system CPU time in clock ticks (1/100 s on Linux). */
    long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
