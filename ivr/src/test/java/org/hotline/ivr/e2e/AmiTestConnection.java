package org.hotline.ivr.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The test's own view of Asterisk: a plain AMI connection that records every event in arrival
 * order and lets a test wait for the one it expects. Deliberately independent of
 * Asterisk-Java (which the code under test uses), so the assertions do not share its parsing.
 *
 * <p>Thread-safe. One reader thread per connection; {@link #close()} stops it.
 */
public final class AmiTestConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final List<AmiMessage> events = new ArrayList<>();
    private final Map<String, CompletableFuture<AmiMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicLong actionIds = new AtomicLong();
    private final Thread reader;
    private volatile boolean closed;

    private AmiTestConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String banner = in.readLine();
        if (banner == null || !banner.startsWith("Asterisk Call Manager")) {
            throw new IOException("not an AMI server: " + banner);
        }
        this.reader = new Thread(() -> readLoop(in), "ami-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects and logs in; fails with the server's message when the login is refused. */
    public static AmiTestConnection open(int port, String user, String secret, Duration timeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        AmiTestConnection c = new AmiTestConnection(socket);
        AmiMessage r = c.action(Map.of("Action", "Login", "Username", user, "Secret", secret));
        if (!"Success".equalsIgnoreCase(r.get("Response"))) {
            c.close();
            throw new IOException("AMI login as " + user + " refused: " + r.get("Message"));
        }
        return c;
    }

    private void readLoop(BufferedReader in) {
        StringBuilder block = new StringBuilder();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    block.append(line).append("\r\n");
                    continue;
                }
                if (block.length() == 0) {
                    continue;
                }
                AmiMessage m = AmiMessage.parse(block.toString());
                block.setLength(0);
                CompletableFuture<AmiMessage> f = m.get("Response").isEmpty() ? null : pending.remove(m.get("ActionID"));
                if (f != null) {
                    f.complete(m);
                } else {
                    synchronized (events) {
                        events.add(m);
                        events.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                System.err.println("ami-test: connection lost: " + e);
            }
        } finally {
            pending.values().forEach(f -> f.completeExceptionally(new IOException("AMI connection closed")));
        }
    }

    /** Sends an action and returns its response (not the events it may generate). */
    public AmiMessage action(Map<String, String> headers) throws IOException {
        String id = "t" + actionIds.incrementAndGet();
        CompletableFuture<AmiMessage> f = new CompletableFuture<>();
        pending.put(id, f);
        StringBuilder sb = new StringBuilder();
        Map<String, String> ordered = new LinkedHashMap<>(headers);
        String action = ordered.remove("Action");
        sb.append("Action: ").append(action).append("\r\n");
        sb.append("ActionID: ").append(id).append("\r\n");
        ordered.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        synchronized (out) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + action);
        } catch (ExecutionException | TimeoutException e) {
            pending.remove(id);
            throw new IOException("no response to " + action + ": " + e, e);
        }
    }

    /** Sends an action with repeated headers such as {@code Variable} (pairs of name and value). */
    public AmiMessage action(String action, String... headerPairs) throws IOException {
        if (headerPairs.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Action", action);
        for (int i = 0; i < headerPairs.length; i += 2) {
            h.put(headerPairs[i], headerPairs[i + 1]);
        }
        return action(h);
    }

    /** Every event received so far, in arrival order. */
    public List<AmiMessage> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Number of events received so far: a mark to wait for events after it. */
    public int mark() {
        synchronized (events) {
            return events.size();
        }
    }

    /**
     * Waits for the first event at or after index {@code from} matching {@code match}.
     *
     * @return its index in {@link #events()}
     * @throws AssertionError naming {@code what} when none arrives within {@code timeout}
     */
    public int awaitIndex(int from, Predicate<AmiMessage> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            int i = from;
            while (true) {
                for (; i < events.size(); i++) {
                    if (match.test(events.get(i))) {
                        return i;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no AMI event: " + what + " within " + timeout);
                }
                try {
                    events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    public AmiMessage await(int from, Predicate<AmiMessage> match, Duration timeout, String what) {
        int i = awaitIndex(from, match, timeout, what);
        synchronized (events) {
            return events.get(i);
        }
    }

    /** The first recorded event at or after {@code from} matching {@code match}, if any (no waiting). */
    public Optional<AmiMessage> find(int from, Predicate<AmiMessage> match) {
        return events().stream().skip(from).filter(match).findFirst();
    }

    /** All recorded events matching {@code match}. */
    public List<AmiMessage> all(Predicate<AmiMessage> match) {
        return events().stream().filter(match).toList();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
