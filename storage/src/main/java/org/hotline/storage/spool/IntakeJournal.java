package org.hotline.storage.spool;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-behind intake's durable log: every store call the IVR makes is appended here, and
 * {@code fsync}ed, before the caller is let on; its write to PostgreSQL follows in the background,
 * and an {@code applied} marker is appended once it is done. After a crash {@link #recover()}
 * returns, in their order, the records with no marker: nothing acknowledged is lost, and a record
 * is written twice only if the process died between its write and its marker's.
 *
 * <p>Group commit: appenders queue their lines and one of them writes all that are queued and
 * forces the file once, so the cost of an {@code fsync} is shared by the calls arriving together.
 * {@link #appendAsync} holds no thread while it waits: the journal's own forcing thread writes
 * and forces what is queued and completes the appends it made durable, in order, so a busy
 * hotline's fsyncs do not take the threads the calls need. A write or force that fails fails
 * every append whose line it held (they are not on disk), never a later one.
 * Markers are queued without waiting; the next force takes them, or a writer with nothing
 * more to do writes them unforced ({@link #writeQueued}). Files ({@code journal-<seq>.jsonl})
 * are rotated every {@code segmentRecords} records and deleted once every record in them has its
 * marker. Thread-safe.
 */
public final class IntakeJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeJournal.class);

    /** A record and its place in the journal. */
    public record Entry(long seq, SpoolRecord record) {}

    /** An {@link #appendAsync} waiting for the force that covers line {@code index}. */
    private record Waiter(long index, long seq, CompletableFuture<Long> done) {}

    private final Path dir;
    private final int segmentRecords;
    private final Object queueLock = new Object();
    private final Object flushLock = new Object();
    /** Lines to write (byte[]) and, between them, the file the lines after go to (Path). */
    private final List<Object> queued = new ArrayList<>();
    private long appended;
    /** Lines handed to a write (at least {@code written}); the next write starts after it. */
    private long taken;
    private long forced;
    /** Ranges of lines {@code [from, to]} whose write failed: their appends failed. */
    private final List<long[]> lost = new ArrayList<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private Thread forcer;
    private boolean closed;
    /** Lines written to the file, forced or not (at least {@code forced}). */
    private long written;
    private long nextSeq;
    private FileChannel channel;
    /** The file {@code channel} writes to, or is to be opened on. */
    private Path channelFile;
    private Path currentFile;
    private int currentRecords;
    /** Per live file: records written and markers seen; a file whose every record has its marker is deleted. */
    private final Map<Path, int[]> segments = new LinkedHashMap<>();
    private final Map<Long, Path> segmentOf = new HashMap<>();

    public IntakeJournal(Path dir, int segmentRecords) {
        this.dir = dir;
        this.segmentRecords = segmentRecords;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the intake journal directory " + dir, e);
        }
    }

    /**
     * Reads what a previous process left: the records without an {@code applied} marker, oldest
     * first. Their files stay until those records are marked; new records go to a new file.
     * Call once, before the first {@link #append}.
     */
    public List<Entry> recover() {
        Map<Long, Entry> records = new LinkedHashMap<>();
        Map<Long, Path> fileOf = new HashMap<>();
        long maxSeq = 0;
        for (Path file : files()) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode n = SpoolRecord.JSON.readTree(line);
                        long seq = n.get("seq").asLong();
                        maxSeq = Math.max(maxSeq, seq);
                        if (n.has("applied")) {
                            records.remove(seq);
                        } else {
                            records.put(seq, new Entry(seq, SpoolRecord.parse(n.get("rec").toString())));
                            fileOf.put(seq, file);
                        }
                    } catch (Exception torn) {
                        // only the last write can be torn: it was never acknowledged
                        log.warn("intake journal {}: a line that is not a complete record is skipped ({})", file,
                                torn.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the intake journal " + file, e);
            }
        }
        synchronized (queueLock) {
            nextSeq = Math.max(maxSeq + 1, nextSeq);
            for (Path file : files()) {
                segments.put(file, new int[] {0, 0});
            }
            for (Entry e : records.values()) {
                Path file = fileOf.get(e.seq());
                segments.get(file)[0]++;
                segmentOf.put(e.seq(), file);
            }
            deleteDone();
        }
        if (!records.isEmpty()) {
            log.info("intake journal: {} records of calls taken before the restart still to be written", records.size());
        }
        return new ArrayList<>(records.values());
    }

    /**
     * Appends {@code record} and returns once it is on disk ({@code fsync}), with its sequence
     * number; throws {@link UncheckedIOException} if it could not be written.
     */
    public long append(SpoolRecord record) {
        try {
            return appendAsync(record).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io : e;
        }
    }

    /**
     * Appends {@code record} without waiting: the result completes with its sequence number once
     * the record is on disk ({@code fsync}), on the journal's forcing thread (keep what follows
     * it short), or fails with {@link UncheckedIOException} if it could not be written. Appends
     * complete in their order.
     */
    public CompletableFuture<Long> appendAsync(SpoolRecord record) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        synchronized (queueLock) {
            if (closed) {
                done.completeExceptionally(new UncheckedIOException(new IOException("the intake journal is closed")));
                return done;
            }
            long seq = nextSeq++;
            queue("{\"seq\":" + seq + ",\"rec\":" + record.toJson() + "}", seq, true);
            waiters.add(new Waiter(appended, seq, done));
            if (forcer == null) {
                forcer = new Thread(this::forceLoop, "hotline-intake-journal-forcer");
                forcer.setDaemon(true);
                forcer.start();
            }
            queueLock.notifyAll();
        }
        return done;
    }

    /** The forcing thread: writes and forces what is queued, then completes the appends it covered. */
    private void forceLoop() {
        while (true) {
            long upTo;
            synchronized (queueLock) {
                while (waiters.isEmpty() && !closed) {
                    try {
                        queueLock.wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (waiters.isEmpty()) {
                    return;
                }
                upTo = appended;
            }
            UncheckedIOException failure = null;
            try {
                flushUpTo(upTo, true);
            } catch (UncheckedIOException e) {
                failure = e;
            }
            List<Waiter> done = new ArrayList<>();
            java.util.BitSet notOnDisk = new java.util.BitSet();
            synchronized (queueLock) {
                while (!waiters.isEmpty() && waiters.peek().index() <= Math.max(forced, upTo)) {
                    Waiter w = waiters.poll();
                    if (isLost(w.index())) {
                        forget(w.seq());
                        notOnDisk.set(done.size());
                    }
                    done.add(w);
                }
            }
            for (int i = 0; i < done.size(); i++) { // in their order
                if (notOnDisk.get(i)) {
                    done.get(i).done().completeExceptionally(failure != null ? failure : new UncheckedIOException(
                            new IOException("cannot write the intake journal in " + dir + "; check the disk")));
                } else {
                    done.get(i).done().complete(done.get(i).seq());
                }
            }
        }
    }

    /** A record that never reached the disk: not pending, and its file's count does not wait for it. Under queueLock. */
    private void forget(long seq) {
        Path file = segmentOf.remove(seq);
        if (file != null && segments.get(file) != null) {
            segments.get(file)[1]++;
        }
        deleteDone();
    }

    /** Whether line {@code index} was in a write that failed. Under queueLock. */
    private boolean isLost(long index) {
        for (long[] range : lost) {
            if (index >= range[0] && index <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** Marks record {@code seq} as written to the database; durable with the next force (not awaited). */
    public void applied(long seq) {
        synchronized (queueLock) {
            queue("{\"seq\":" + seq + ",\"applied\":true}", seq, false);
            // deleting a file is safe before the marker is on disk: its records were all written
            forget(seq);
        }
    }

    /** Forces whatever is queued (markers included). */
    public void flush() {
        long upTo;
        synchronized (queueLock) {
            upTo = appended;
        }
        flushUpTo(upTo, true);
    }

    /**
     * Writes whatever is queued to the file without forcing it: markers so written survive a
     * crash of the process (they are in the operating system's cache) and are forced with the next
     * record (or a {@link #flush}, which the write-behind store runs every second); only a crash of
     * the machine before that can lose them, and then their records are written once more at the
     * next start. Records are always forced by their {@link #append}.
     */
    public void writeQueued() {
        long upTo;
        synchronized (queueLock) {
            upTo = appended;
        }
        flushUpTo(upTo, false);
    }

    private void queue(String line, long seq, boolean record) {
        if (currentFile == null || record && currentRecords >= segmentRecords) {
            currentFile = dir.resolve(String.format("journal-%020d.jsonl", record ? seq : nextSeq));
            currentRecords = 0;
            segments.put(currentFile, new int[] {0, 0});
            queued.add(currentFile);
        }
        queued.add((line + "\n").getBytes(StandardCharsets.UTF_8));
        appended++;
        if (record) {
            currentRecords++;
            segments.get(currentFile)[0]++;
            segmentOf.put(seq, currentFile);
        }
    }

    private void flushUpTo(long mine, boolean force) {
        synchronized (flushLock) {
            List<Object> batch;
            long from;
            long upTo;
            synchronized (queueLock) {
                if (forced >= mine || !force && written >= mine) {
                    return;
                }
                batch = new ArrayList<>(queued);
                queued.clear();
                // a failed force leaves everything since the last good one off the disk
                from = force ? forced + 1 : taken + 1;
                upTo = appended;
                taken = upTo;
            }
            try {
                for (Object item : batch) {
                    if (item instanceof Path next) {
                        if (channel != null && channel.isOpen()) {
                            channel.force(false);
                            channel.close();
                        }
                        channel = null;
                        channelFile = next;
                        continue;
                    }
                    if (channel == null || !channel.isOpen()) {
                        // opened at the first line: a file that could not be opened is tried again by the next write
                        channel = FileChannel.open(channelFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND);
                    }
                    ByteBuffer buf = ByteBuffer.wrap((byte[]) item);
                    while (buf.hasRemaining()) {
                        channel.write(buf);
                    }
                }
                if (force && channel != null && channel.isOpen()) {
                    channel.force(false);
                }
            } catch (IOException e) {
                if (from <= upTo) {
                    synchronized (queueLock) {
                        // these lines are not on disk: their appends fail, and a later force does not hide it
                        lost.add(new long[] {from, upTo});
                        if (lost.size() > 1024) {
                            lost.remove(0); // only appends still in flight look, and they are far fewer
                        }
                    }
                }
                throw new UncheckedIOException("cannot write the intake journal in " + dir
                        + "; the call's ticket is written directly instead: check the disk", e);
            }
            synchronized (queueLock) {
                written = Math.max(written, upTo);
                if (force) {
                    forced = Math.max(forced, upTo);
                }
                deleteDone();
            }
        }
    }

    /** Deletes every file but the current one whose records all have their markers. Under queueLock. */
    private void deleteDone() {
        var it = segments.entrySet().iterator();
        while (it.hasNext()) {
            var s = it.next();
            if (!s.getKey().equals(currentFile) && s.getValue()[1] >= s.getValue()[0]) {
                try {
                    Files.deleteIfExists(s.getKey());
                    it.remove();
                } catch (IOException e) {
                    log.warn("cannot delete the written intake journal file {}: {}", s.getKey(), e.getMessage());
                }
            }
        }
    }

    /** Records appended whose write is not done yet. */
    public int pending() {
        synchronized (queueLock) {
            return segmentOf.size();
        }
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("journal-\\d+\\.jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the intake journal directory " + dir, e);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (queueLock) {
            closed = true;
            queueLock.notifyAll();
            t = forcer;
        }
        if (t != null) {
            try {
                t.join(10_000); // it completes what is queued first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
        synchronized (flushLock) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                log.warn("closing the intake journal: {}", e.getMessage());
            }
        }
    }
}
