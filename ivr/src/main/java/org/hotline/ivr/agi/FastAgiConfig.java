package org.hotline.ivr.agi;

import java.time.Duration;
import java.util.List;

/**
 * How the FastAGI server listens and protects itself. Immutable, validated on construction.
 *
 * @param bindAddress        address to listen on (config {@code asterisk.agi.bind}, default 127.0.0.1)
 * @param port               TCP port ({@code asterisk.agi.port}, default 4573; 0 picks a free port)
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

    public static final int DEFAULT_PORT = 4573;

    public FastAgiConfig {
        allowedHosts = List.copyOf(allowedHosts);
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("asterisk.agi.bind: an address is required, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("asterisk.agi.port: expected 0-65535, got " + port);
        }
        if (allowedHosts.isEmpty()) {
            throw new IllegalArgumentException(
                    "asterisk.agi.allowed-hosts: list at least the Asterisk host (FastAGI has no authentication)");
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maximum concurrent calls must be at least 1, got " + maxCalls);
        }
        if (dependencyTimeout.isNegative() || dependencyTimeout.isZero()) {
            throw new IllegalArgumentException("dependency timeout must be positive, got " + dependencyTimeout);
        }
        if (dependencyThreads < 1 || ioThreads < 0) {
            throw new IllegalArgumentException("dependency threads >= 1 and io threads >= 0 expected");
        }
    }

    /** The defaults: 127.0.0.1:4573, only loopback allowed, 2,500 calls, 3 s dependency deadline. */
    public static FastAgiConfig defaults() {
        return new FastAgiConfig("127.0.0.1", DEFAULT_PORT, List.of("127.0.0.1"), 2500, Duration.ofSeconds(3), 16, 0);
    }

    public FastAgiConfig withPort(int newPort) {
        return new FastAgiConfig(bindAddress, newPort, allowedHosts, maxCalls, dependencyTimeout, dependencyThreads,
                ioThreads);
    }

    public FastAgiConfig withAllowedHosts(List<String> hosts) {
        return new FastAgiConfig(bindAddress, port, hosts, maxCalls, dependencyTimeout, dependencyThreads, ioThreads);
    }

    public FastAgiConfig withMaxCalls(int max) {
        return new FastAgiConfig(bindAddress, port, allowedHosts, max, dependencyTimeout, dependencyThreads, ioThreads);
    }

    public FastAgiConfig withDependencyTimeout(Duration timeout) {
        return new FastAgiConfig(bindAddress, port, allowedHosts, maxCalls, timeout, dependencyThreads, ioThreads);
    }
}
