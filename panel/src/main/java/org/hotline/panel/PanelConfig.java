package org.hotline.panel;

import java.time.Duration;
import java.util.List;

/**
 * The panel's settings, validated on construction (the app builds it from the {@code panel:}
 * section of the configuration file). Immutable.
 *
 * @param bindHost           address to listen on (default 127.0.0.1)
 * @param port               TCP port (default 8080; 0 picks a free port, for tests)
 * @param secureCookies      mark the session cookie {@code Secure} (set when TLS terminates in
 *                           front of the panel); also sends HSTS
 * @param allowedOrigins     origins ({@code https://panel.example.org}) allowed to open the
 *                           WebSocket and to send state-changing requests; empty means "same
 *                           origin as the Host header", which is right unless a proxy rewrites Host
 * @param sessionIdleTimeout a session ends after this long without a request
 * @param maxRequestBytes    largest request body accepted (413 above it)
 * @param maxHeaderBytes     largest header block accepted (431 above it)
 * @param maxJsonDepth       deepest JSON nesting accepted (400 above it)
 * @param loginBurst         log-in attempts allowed at once per user and per address
 * @param loginRefill        one more attempt is allowed per user/address after this long
 * @param workerThreads      threads running API handlers (storage calls, bcrypt)
 * @param bcryptCost         bcrypt cost for new password hashes (10-14)
 */
public record PanelConfig(
        String bindHost,
        int port,
        boolean secureCookies,
        List<String> allowedOrigins,
        Duration sessionIdleTimeout,
        int maxRequestBytes,
        int maxHeaderBytes,
        int maxJsonDepth,
        int loginBurst,
        Duration loginRefill,
        int workerThreads,
        int bcryptCost) {

    public PanelConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        require(bindHost != null && !bindHost.isBlank(), "panel.bind must be an address, e.g. 127.0.0.1");
        require(port >= 0 && port <= 65535, "panel.port must be 0-65535, got " + port);
        for (String o : allowedOrigins) {
            require(o.matches("https?://[^/\\s]+"), "panel.allowed-origins entries look like https://host[:port] (no path), got " + o);
        }
        require(!sessionIdleTimeout.isNegative() && !sessionIdleTimeout.isZero(), "panel.session-idle must be positive");
        require(maxRequestBytes >= 1024, "panel.max-request-bytes must be at least 1024");
        require(maxHeaderBytes >= 1024, "panel.max-header-bytes must be at least 1024");
        require(maxJsonDepth >= 4 && maxJsonDepth <= 1000, "panel.max-json-depth must be 4-1000");
        require(loginBurst >= 1, "panel.login-burst must be at least 1");
        require(!loginRefill.isNegative() && !loginRefill.isZero(), "panel.login-refill must be positive");
        require(workerThreads >= 1, "panel.worker-threads must be at least 1");
        require(bcryptCost >= 10 && bcryptCost <= 14, "panel.bcrypt-cost must be 10-14");
    }

    /** The defaults: 127.0.0.1:8080, 30 min idle sessions, 64 KiB bodies, 5 log-ins then 1/20 s. */
    public static PanelConfig defaults() {
        return new PanelConfig("127.0.0.1", 8080, false, List.of(), Duration.ofMinutes(30),
                64 * 1024, 8 * 1024, 32, 5, Duration.ofSeconds(20), 16, 10);
    }

    public PanelConfig withBind(String host, int newPort) {
        return new PanelConfig(host, newPort, secureCookies, allowedOrigins, sessionIdleTimeout, maxRequestBytes,
                maxHeaderBytes, maxJsonDepth, loginBurst, loginRefill, workerThreads, bcryptCost);
    }

    public PanelConfig withLoginLimit(int burst, Duration refill) {
        return new PanelConfig(bindHost, port, secureCookies, allowedOrigins, sessionIdleTimeout, maxRequestBytes,
                maxHeaderBytes, maxJsonDepth, burst, refill, workerThreads, bcryptCost);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
