package org.hotline.storage.spool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable local spool of store calls made while PostgreSQL was unreachable: an append-only file
 * of JSON lines ({@code spool.jsonl} in its directory), each appended with one write and
 * {@code fsync} before {@link #append} returns, so an acknowledged record survives a crash of the
 * process or the machine.
 *
 * <p>{@link #replay} renames the current file to {@code spool-<n>.replaying} under the lock (new
 * appends go to a fresh file), then feeds its records, in order, to a consumer and deletes the file
 * once every record was consumed. If the consumer throws (the database went away again) the file
 * stays and the next replay starts it over: consumers must be idempotent. A line that cannot be
 * parsed (a torn final write) or that the consumer rejects for good is copied to
 * {@code spool-rejected.jsonl} for a person to inspect, and skipped. Thread-safe.
 */
public final class IntakeSpool {

    private static final Logger log = LoggerFactory.getLogger(IntakeSpool.class);

    /** Thrown by a replay consumer to say "this record can never be applied": it is set aside. */
    public static final class RejectedRecordException extends RuntimeException {
        public RejectedRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path dir;
    private final Path current;
    private final Object appendLock = new Object();
    private final Object replayLock = new Object();
    private FileChannel channel;

    public IntakeSpool(Path dir) {
        this.dir = dir;
        this.current = dir.resolve("spool.jsonl");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool directory " + dir, e);
        }
    }

    /** Appends one record durably (written and fsync'ed before this returns). */
    public void append(SpoolRecord record) {
        byte[] line = (record.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (appendLock) {
            try {
                if (channel == null) {
                    channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                }
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the intake spool " + current
                        + "; the call's ticket would be lost: check the disk", e);
            }
        }
    }

    /** Whether records wait to be replayed. */
    public boolean hasPending() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".replaying")) || size(current) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spool directory " + dir, e);
        }
    }

    /**
     * Feeds every pending record, oldest first, to {@code consumer}; returns how many were consumed.
     * Stops (keeping the rest) at the first exception that is not {@link RejectedRecordException}.
     */
    public int replay(Consumer<SpoolRecord> consumer) {
        synchronized (replayLock) {
            rotate();
            int count = 0;
            for (Path file : pendingFiles()) {
                count += replayFile(file, consumer);
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete replayed spool file " + file, e);
                }
            }
            return count;
        }
    }

    private void rotate() {
        synchronized (appendLock) {
            if (size(current) == 0) {
                return;
            }
            try {
                if (channel != null) {
                    channel.close();
                    channel = null;
                }
                Path target = dir.resolve(String.format("spool-%020d.replaying", System.nanoTime()));
                Files.move(current, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rotate the intake spool " + current, e);
            }
        }
    }

    private List<Path> pendingFiles() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".replaying")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spool directory " + dir, e);
        }
    }

    private int replayFile(Path file, Consumer<SpoolRecord> consumer) {
        int count = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                SpoolRecord rec;
                try {
                    rec = SpoolRecord.parse(line);
                } catch (IllegalArgumentException e) {
                    reject(line, e);
                    continue;
                }
                try {
                    consumer.accept(rec);
                    count++;
                } catch (RejectedRecordException e) {
                    reject(line, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spool file " + file, e);
        }
        return count;
    }

    private void reject(String line, Exception why) {
        log.error("spool record set aside in spool-rejected.jsonl: {}", why.getMessage());
        try {
            Files.writeString(dir.resolve("spool-rejected.jsonl"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool-rejected.jsonl", e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + p, e);
        }
    }
}
