package org.hotline.bench.agi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiConfig;
import org.hotline.ivr.agi.FastAgiServer;

/**
 * The server side of the benchmark, run in its own JVM by {@link AgiLoadDriver} so its memory
 * can be measured alone: {@code BenchServer hotline|asterisk-java PORT MAXCALLS IOTHREADS}. Prints
 * {@code READY} once listening; exits when its standard input closes.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int port = Integer.parseInt(args[1]);
        int maxCalls = Integer.parseInt(args[2]);
        int ioThreads = Integer.parseInt(args[3]);
        AutoCloseable server = switch (kind) {
            case "hotline" -> hotline(port, maxCalls, ioThreads);
            case "asterisk-java" -> asteriskJava(port, maxCalls);
            case "floor" -> new FloorServer(port, ioThreads);
            default -> throw new IllegalArgumentException("server kind is hotline, asterisk-java or floor, got " + kind);
        };
        serveUntilStdinCloses(server);
    }

    /**
     * Prints {@code READY} and keeps {@code server} running until standard input closes (the
     * driver that started this JVM ends it that way), then closes it.
     */
    public static void serveUntilStdinCloses(AutoCloseable server) throws Exception {
        System.out.println("READY");
        System.out.flush();
        try (server) {
            while (System.in.read() >= 0) {
                // run until the driver closes our stdin
            }
        }
    }

    static AutoCloseable hotline(int port, int maxCalls, int ioThreads) throws InterruptedException {
        var config = new FastAgiConfig("127.0.0.1", port, List.of("127.0.0.1"), maxCalls, Duration.ofSeconds(3), 4,
                ioThreads);
        var server = new FastAgiServer(config, new AgiFlows(Map.of("bench", new BenchFlow())), new SimpleMeterRegistry());
        server.start();
        return server;
    }

    static AutoCloseable asteriskJava(int port, int maxCalls) throws IOException, InterruptedException {
        return asteriskJava(new BenchScript(), port, maxCalls);
    }

    /** Asterisk-Java's {@code DefaultAgiServer} running {@code script} on loopback, listening when this returns. */
    public static AutoCloseable asteriskJava(AgiScript script, int port, int maxCalls)
            throws IOException, InterruptedException {
        var server = new DefaultAgiServer(script);
        server.setAddress(InetAddress.getByName("127.0.0.1"));
        server.setPort(port);
        // one thread per call is Asterisk-Java's model: let it have as many as there are calls
        server.setPoolSize(maxCalls);
        server.setMaximumPoolSize(maxCalls);
        Thread acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "asterisk-java-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        waitForPort(port);
        return server::shutdown;
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (var probe = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Asterisk-Java server did not listen on " + port);
    }
}
