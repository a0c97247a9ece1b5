package org.hotline.storage.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Read-only view of the processes of this machine through a {@code /proc} file system (Linux):
 * a process's command line, working directory and executable. The root is a parameter so that
 * tests can point it at a fake tree. Nothing here sends a signal. Thread-safe (stateless).
 */
public final class ProcessTable {

    /** What {@code /proc/<pid>} says about one process. */
    public record Entry(long pid, List<String> cmdline, Optional<Path> cwd, Optional<Path> exe) {
        public Entry {
            cmdline = List.copyOf(cmdline);
        }

        /**
         * The file name of the program: of the executable when it can be read (it is never
         * rewritten), else of {@code argv[0]} up to a colon or space (PostgreSQL and Redis rewrite
         * their process title, e.g. {@code postgres: checkpointer}).
         */
        public String program() {
            if (exe.isPresent() && exe.get().getFileName() != null) {
                return exe.get().getFileName().toString().replace(" (deleted)", "");
            }
            if (cmdline.isEmpty()) {
                return "";
            }
            String arg0 = cmdline.get(0).split("[: ]", 2)[0];
            int slash = arg0.lastIndexOf('/');
            return slash < 0 ? arg0 : arg0.substring(slash + 1);
        }

        /** The argument that follows {@code option} on the command line, if any. */
        public Optional<String> argumentAfter(String option) {
            int i = cmdline.indexOf(option);
            return i < 0 || i + 1 >= cmdline.size() ? Optional.empty() : Optional.of(cmdline.get(i + 1));
        }
    }

    private final Path root;

    public ProcessTable(Path root) {
        this.root = root;
    }

    /** The machine's own process table, {@code /proc}. */
    public static ProcessTable system() {
        return new ProcessTable(Path.of("/proc"));
    }

    /** Whether this table can be read at all (it cannot on a system without {@code /proc}). */
    public boolean available() {
        return Files.isDirectory(root);
    }

    /** The process {@code pid}, or empty when there is none (or it vanished while being read). */
    public Optional<Entry> find(long pid) {
        Path dir = root.resolve(Long.toString(pid));
        byte[] raw;
        try {
            raw = Files.readAllBytes(dir.resolve("cmdline"));
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Entry(pid, split(raw), link(dir.resolve("cwd")), link(dir.resolve("exe"))));
    }

    /** Every process that can be listed, in no particular order. */
    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    find(Long.parseLong(name)).ifPresent(entries::add);
                }
            }
        } catch (IOException e) {
            return entries;
        }
        return entries;
    }

    private static List<String> split(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.endsWith("\0")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0", -1));
    }

    private static Optional<Path> link(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // gone, or not ours to read
        }
    }
}
