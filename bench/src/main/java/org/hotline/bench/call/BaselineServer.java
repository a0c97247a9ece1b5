package org.hotline.bench.call;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.time.ZoneId;
import org.asteriskjava.fastagi.DefaultAgiServer;

/**
 * The baseline's JVM: Asterisk-Java's {@code DefaultAgiServer} with {@link JdbcCallScript}, a
 * thread per call, on a HikariCP pool of {@code POOL} connections:
 * {@code BaselineServer PORT MAXCALLS JDBCURL USER PASSWORD POOL}. Prints {@code READY} once
 * listening; exits when its standard input closes.
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int maxCalls = Integer.parseInt(args[1]);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(args[2]);
        hc.setUsername(args[3]);
        hc.setPassword(args[4].isEmpty() ? null : args[4]);
        hc.setMaximumPoolSize(Integer.parseInt(args[5]));
        hc.setPoolName("baseline");
        try (HikariDataSource pool = new HikariDataSource(hc)) {
            DefaultAgiServer server = new DefaultAgiServer(new JdbcCallScript(pool, ZoneId.of("Asia/Shanghai")));
            server.setAddress(InetAddress.getByName("127.0.0.1"));
            server.setPort(port);
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
            for (int i = 0; ; i++) {
                try (var probe = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    if (i > 200) {
                        throw notYet;
                    }
                    Thread.sleep(50);
                }
            }
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until the bench closes our stdin
            }
            server.shutdown();
        }
    }
}
