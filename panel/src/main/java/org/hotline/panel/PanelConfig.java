package org.hotline.panel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The panel's settings: the {@code panel} section of the configuration file. Immutable. Built
 * and validated once, by the configuration loader (app), which names the file, line and key of
 * any mistake (app/CONFIG.md); this record only guards against nulls. The defaults are written
 * here and nowhere else. Its {@link #toString()} never shows the admin password.
 *
 * @param bindHost           address to listen on ({@code bind})
 * @param port               TCP port ({@code port}; 0 picks a free port, for tests)
 * @param secureCookies      mark the session cookie {@code Secure} (set when TLS terminates in
 *                           front of the panel); also sends HSTS ({@code secure-cookies})
 * @param allowedOrigins     origins ({@code https://panel.example.org}) allowed to open the
 *                           WebSocket and to send state-changing requests; empty means "same
 *                           origin as the Host header", which is right unless a proxy rewrites Host
 *                           ({@code allowed-origins})
 * @param sessionIdleTimeout a session ends after this long without a request ({@code session-idle})
 * @param maxRequestBytes    largest request body accepted (413 above it)
 * @param maxHeaderBytes     largest header block accepted (431 above it)
 * @param maxJsonDepth       deepest JSON nesting accepted (400 above it)
 * @param loginBurst         log-in attempts allowed at once per user and per address
 * @param loginRefill        one more attempt is allowed per user/address after this long
 * @param workerThreads      threads running API handlers (storage calls, bcrypt)
 * @param bcryptCost         bcrypt cost for new password hashes
 * @param adminPassword      the first administrator's password ({@code admin-password}); empty:
 *                           a random one is generated and logged once
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
        int bcryptCost,
        Optional<String> adminPassword) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_JSON_DEPTH = 32;
    public static final int DEFAULT_LOGIN_BURST = 5;
    public static final Duration DEFAULT_LOGIN_REFILL = Duration.ofSeconds(20);
    public static final int DEFAULT_WORKER_THREADS = 16;
    public static final int DEFAULT_BCRYPT_COST = 10;

    public PanelConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(loginRefill, "loginRefill");
        Objects.requireNonNull(adminPassword, "adminPassword");
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The defaults: 127.0.0.1:8080, 30 min idle sessions, 64 KiB bodies, 5 log-ins then 1/20 s. */
    public static PanelConfig defaults() {
        return new PanelConfig(DEFAULT_BIND, DEFAULT_PORT, false, List.of(), DEFAULT_SESSION_IDLE,
                DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_JSON_DEPTH, DEFAULT_LOGIN_BURST,
                DEFAULT_LOGIN_REFILL, DEFAULT_WORKER_THREADS, DEFAULT_BCRYPT_COST, Optional.empty());
    }

    /** Everything but the admin password. */
    @Override
    public String toString() {
        return "PanelConfig[bindHost=" + bindHost + ", port=" + port + ", secureCookies=" + secureCookies
                + ", allowedOrigins=" + allowedOrigins + ", sessionIdleTimeout=" + sessionIdleTimeout
                + ", maxRequestBytes=" + maxRequestBytes + ", maxHeaderBytes=" + maxHeaderBytes
                + ", maxJsonDepth=" + maxJsonDepth + ", loginBurst=" + loginBurst + ", loginRefill=" + loginRefill
                + ", workerThreads=" + workerThreads + ", bcryptCost=" + bcryptCost
                + ", adminPassword=" + adminPassword.map(p -> "***").orElse("(generated)") + "]";
    }
}
