package org.hotline.bench.call;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.ZoneId;
import org.hotline.bench.agi.BenchServer;

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
            BenchServer.serveUntilStdinCloses(BenchServer.asteriskJava(
                    new JdbcCallScript(pool, ZoneId.of("Asia/Shanghai")), port, maxCalls));
        }
    }
}
