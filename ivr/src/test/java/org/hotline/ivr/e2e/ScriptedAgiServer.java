package org.hotline.ivr.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare FastAGI peer for pinning what a real Asterisk answers: each accepted connection runs
 * the next script (a list of raw AGI command lines), one command, then its reply, and records
 * every line Asterisk sent (replies and {@code HANGUP}) until the script ends or Asterisk closes
 * the connection. No hotline code is involved, so what it records is Asterisk's behaviour
 * alone. Thread-safe; one accept thread.
 */
final class ScriptedAgiServer implements AutoCloseable {

    /** What one connection saw: the command sent and the line(s) Asterisk answered, in order. */
    record Session(List<String> lines, boolean closedByAsterisk) {
        /** The reply Asterisk gave to the {@code n}-th command (from 0), or null when none came. */
        String replyTo(int n) {
            int seen = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("> ")) {
                    seen++;
                    if (seen == n) {
                        for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("> "); j++) {
                            if (!lines.get(j).equals("< HANGUP")) {
                                return lines.get(j).substring(2);
                            }
                        }
                        return null;
                    }
                }
            }
            return null;
        }

        boolean sawHangup() {
            return lines.contains("< HANGUP");
        }
    }

    private final ServerSocket server;
    private final BlockingQueue<List<String>> scripts = new LinkedBlockingQueue<>();
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    ScriptedAgiServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-agi");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Queues the script the next connection runs. */
    void next(String... commands) {
        scripts.add(List.of(commands));
    }

    /** Waits for the next finished session. */
    Session session(Duration timeout) throws InterruptedException {
        Session s = sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("no FastAGI session finished within " + timeout);
        }
        return s;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                List<String> script = scripts.poll();
                Thread t = new Thread(() -> run(socket, script == null ? List.of() : script), "scripted-agi-call");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void run(Socket socket, List<String> script) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        boolean closedByAsterisk = false;
        try (socket) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // the environment
            }
            for (String command : script) {
                lines.add("> " + command);
                out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                while (reply != null && reply.equals("HANGUP")) {
                    lines.add("< HANGUP");
                    reply = in.readLine();
                }
                if (reply == null) {
                    closedByAsterisk = true;
                    break;
                }
                lines.add("< " + reply);
                while (reply.startsWith("520-")) {
                    reply = in.readLine();
                    if (reply == null) {
                        break;
                    }
                    lines.add("< " + reply);
                }
            }
        } catch (IOException e) {
            closedByAsterisk = true;
            lines.add("! " + e);
        }
        sessions.add(new Session(List.copyOf(lines), closedByAsterisk));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
