package org.hotline.ivr.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How the service reaches AMI ({@code asterisk.ami} in hotline.yaml) and how it keeps the
 * connection alive. Immutable. Built and validated once, by the configuration loader (app);
 * this record only guards against nulls. Its {@link #toString()} never shows the secret.
 *
 * @param host AMI host (loopback in the sample manager.conf)
 * @param port AMI port
 * @param username the least-privilege user of asterisk-config/manager.conf
 * @param secret its secret
 * @param keepalive interval of the Ping that detects a dead connection
 * @param backoff delays between reconnect attempts
 */
public record AmiConfig(String host, int port, String username, String secret, Duration keepalive,
        ReconnectBackoff backoff) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5038;

    public AmiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** The defaults: keepalive every 20 s, reconnect after 0.5 s doubling up to 30 s. */
    public static AmiConfig of(String host, int port, String username, String secret) {
        return new AmiConfig(host, port, username, secret, Duration.ofSeconds(20),
                new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    /** Everything but the secret. */
    @Override
    public String toString() {
        return "AmiConfig[host=" + host + ", port=" + port + ", username=" + username + ", secret=***, keepalive="
                + keepalive + ", backoff=" + backoff + "]";
    }
}
