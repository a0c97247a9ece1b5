package org.hotline.storage.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of a data directory by one live process: an OS file lock
 * ({@link FileChannel#tryLock()}) on a lock file, which the kernel releases when the process dies
 * however it dies, so a lock left by a {@code kill -9} never blocks the next start. The file holds
 * the owner's pid, for the message that names it. Whoever holds the lock may treat any server
 * process still working on the directory as stale (see {@link StaleProcesses}). Closing releases
 * it; the file stays. Not thread-safe; owned by whoever acquired it.
 */
public final class DataDirectoryLock implements AutoCloseable {

    /** Another live process holds the directory: the message says which and what to do. */
    public static final class InUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InUseException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code lockFile} (created with its directories if missing).
     *
     * @param what how the message names the directory's owner, e.g. {@code "hotline"}
     * @throws InUseException when a live process (this one included) holds it
     * @throws IllegalStateException when the file cannot be created or locked (permissions, disk)
     */
    public static DataDirectoryLock acquire(Path lockFile, String what) {
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
                channel.close();
                throw new InUseException("the data directory " + lockFile.toAbsolutePath().getParent()
                        + " is in use by another running " + what
                        + (owner.matches("\\d+") ? " (pid " + owner + ")" : "")
                        + "; stop that one first, or give this one its own storage.data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock " + lockFile.toAbsolutePath() + " (" + e
                    + "); check that storage.data-dir is a writable directory", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
