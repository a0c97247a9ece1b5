package org.hotline.ivr.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-driven Asterisk end of a FastAGI connection over a real loopback socket: the test
 * writes the environment and each reply, and reads back every command the server sent.
 */
final class FakeAsterisk implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    final List<String> received = new ArrayList<>();

    FakeAsterisk(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 2000);
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    FakeAsterisk call(String script) throws IOException {
        return write("agi_network: yes\nagi_network_script: " + script + "\nagi_channel: PJSIP/trunk-1\n"
                + "agi_uniqueid: 1700000000.1\nagi_callerid: 13912345678\nagi_dnid: 4008001234\n\n");
    }

    FakeAsterisk write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** The next command line, or null when the server closed the connection. */
    String command() throws IOException {
        String line = in.readLine();
        if (line != null) {
            received.add(line);
        }
        return line;
    }

    /** True when the server sends nothing within {@code millis}. */
    boolean nothingWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return !in.ready() && in.readLine() == null;
        } catch (java.net.SocketTimeoutException quiet) {
            return true;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** Reads one command and answers it. */
    String reply(String reply) throws IOException {
        String command = command();
        write(reply + "\n");
        return command;
    }

    /** Answers every command with {@code 200 result=0} until the server closes; returns them. */
    List<String> answerAllUntilClosed() throws IOException {
        List<String> commands = new ArrayList<>();
        String line;
        while ((line = command()) != null) {
            commands.add(line);
            write("200 result=0\n");
        }
        return commands;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
