package org.hotline.ivr.agi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the FastAGI server listens and protects itself: the {@code asterisk.agi} section of the
 * configuration file. Immutable. Built and validated once, by the configuration loader (app),
 * which names the file, line and key of any mistake (app/CONFIG.md); this record only guards
 * against nulls. The defaults are written here and nowhere else.
 *
 * @param bindAddress        address to listen on ({@code asterisk.agi.bind})
 * @param port               TCP port ({@code asterisk.agi.port}; 0 picks a free port)
 * @param allowedHosts       addresses or host names allowed to connect ({@code asterisk.agi.allowed-hosts});
 *                           every other peer is closed at once, with no flow run
 * @param maxCalls           calls served at once; each call beyond gets {@code HOTLINE_STATUS=OVERLOAD}
 * @param dependencyTimeout  deadline of one dependency call (ticket store, router) before the call
 *                           gets a fallback verdict
 * @param dependencyThreads  size of the pool that runs blocking dependency calls
 * @param ioThreads          Netty event-loop threads (0: Netty's default, two per core)
 */
public record FastAgiConfig(String bindAddress, int port, List<String> allowedHosts, int maxCalls,
                            Duration dependencyTimeout, int dependencyThreads, int ioThreads) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 4573;
    public static final List<String> DEFAULT_ALLOWED_HOSTS = List.of("127.0.0.1");
    public static final int DEFAULT_MAX_CALLS = 2500;
    public static final Duration DEFAULT_DEPENDENCY_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_DEPENDENCY_THREADS = 16;
    public static final int DEFAULT_IO_THREADS = 0;

    public FastAgiConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dependencyTimeout, "dependencyTimeout");
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** The defaults: 127.0.0.1:4573, only loopback allowed, 2,500 calls, 3 s dependency deadline. */
    public static FastAgiConfig defaults() {
        return new FastAgiConfig(DEFAULT_BIND, DEFAULT_PORT, DEFAULT_ALLOWED_HOSTS, DEFAULT_MAX_CALLS,
                DEFAULT_DEPENDENCY_TIMEOUT, DEFAULT_DEPENDENCY_THREADS, DEFAULT_IO_THREADS);
    }
}
