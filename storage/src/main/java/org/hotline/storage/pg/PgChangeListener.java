package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code NOTIFY hotline_changes} (migration V13: a trigger on each table every instance
 * must follow sends the table's name at commit) on one connection of its own, outside the pool,
 * and tells {@code onChange} the name of each table that changed, within about
 * {@link #POLL} of the commit. After every (re)connect it first tells {@link #EVERYTHING}, since
 * notices sent while it was not listening are lost: the listener reloads all it follows.
 *
 * <p>Owns one daemon thread; {@link #close()} stops it. {@code onChange} runs on that thread, one
 * call at a time; its failures are logged and the listening goes on.
 */
public final class PgChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgChangeListener.class);
    /** The channel the V13 triggers notify. */
    public static final String CHANNEL = "hotline_changes";
    /** Told after every (re)connect: anything may have changed. */
    public static final String EVERYTHING = "*";
    /** The longest a notice waits to be read once it is on the connection. */
    static final Duration POLL = Duration.ofMillis(250);

    private final PgEndpoint endpoint;
    private final Consumer<String> onChange;
    private final Duration retryAfter;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;

    public PgChangeListener(PgEndpoint endpoint, Consumer<String> onChange, Duration retryAfter) {
        this.endpoint = endpoint;
        this.onChange = onChange;
        this.retryAfter = retryAfter;
        this.thread = new Thread(this::run, "hotline-pg-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            Properties p = new Properties();
            p.setProperty("user", endpoint.user());
            if (endpoint.password() != null) {
                p.setProperty("password", endpoint.password());
            }
            p.setProperty("connectTimeout", "5");
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("ApplicationName", "hotline change listener");
            try (Connection c = DriverManager.getConnection(endpoint.url(), p)) {
                current = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                tell(EVERYTHING);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notices = pg.getNotifications((int) POLL.toMillis());
                    if (notices == null || notices.length == 0) {
                        continue;
                    }
                    Set<String> tables = new LinkedHashSet<>();
                    for (PGNotification n : notices) {
                        tables.add(n.getParameter());
                    }
                    tables.forEach(this::tell);
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                log.warn("listening for changes from other instances failed, again in {} ms: {}", retryAfter.toMillis(),
                        e.getMessage());
                try {
                    Thread.sleep(retryAfter.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            } finally {
                current = null;
            }
        }
    }

    private void tell(String table) {
        try {
            onChange.accept(table);
        } catch (RuntimeException e) {
            log.warn("following a change of {} failed: {}", table, e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing to wake the thread; it ends either way
            }
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
