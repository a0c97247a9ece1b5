package org.hotline.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.hotline.storage.pg.PgTicketRepository;
import org.hotline.domain.store.TicketStore;

/**
 * Opens the tickets of a service that is already running, to read them from another process
 * (the {@code simulate-call} command shows the ticket a call left). With a configured
 * PostgreSQL URL it connects with the configured credentials; with the embedded server it finds
 * the running server's port in its {@code postmaster.pid} under the data directory and connects
 * as the embedded superuser over loopback. Reads only; starts no server; the caller closes it.
 */
public final class StorageReader implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final TicketStore tickets;

    private StorageReader(HikariDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.tickets = new PgTicketRepository(dataSource, clock, () -> { });
    }

    /**
     * @throws IllegalStateException naming the data directory when no embedded server runs there
     */
    public static StorageReader open(StorageConfig config, Clock clock) {
        HikariConfig hc = new HikariConfig();
        hc.setMaximumPoolSize(2);
        hc.setReadOnly(true);
        hc.setPoolName("hotline-reader");
        hc.setConnectionTimeout(5_000); // a command that reads one ticket must not hang on a stuck database
        if (config.postgresUrl() != null) {
            hc.setJdbcUrl(config.postgresUrl());
            hc.setUsername(config.postgresUser());
            hc.setPassword(config.postgresPassword());
        } else {
            hc.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + embeddedPort(config.dataDir().resolve("postgres"))
                    + "/" + Storage.EMBEDDED_DATABASE);
            hc.setUsername(org.hotline.storage.embedded.EmbeddedPostgresServer.SUPERUSER);
        }
        return new StorageReader(new HikariDataSource(hc), clock);
    }

    /** The port line (the fourth) of PostgreSQL's lock file in its data directory. */
    static int embeddedPort(Path pgData) {
        Path pid = pgData.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            if (lines.size() < 4 || !lines.get(3).trim().matches("[0-9]{1,5}")) {
                throw new IllegalStateException(pid + " does not name a port; is the service starting?");
            }
            return Integer.parseInt(lines.get(3).trim());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no hotline service is running with its data in " + pgData.getParent()
                    + " (start it with: java -jar app/target/hotline.jar run)", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pid + ": " + e.getMessage(), e);
        }
    }

    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
