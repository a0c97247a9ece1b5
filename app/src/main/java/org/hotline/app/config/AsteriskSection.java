package org.hotline.app.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code asterisk} section: how the service reaches Asterisk. Values are checked by
 * {@link HotlineConfigLoader}; the records only guard their own invariants.
 *
 * @param agi          the FastAGI server the dialplan connects to
 * @param ami          the AMI connection, absent when screen pops are not wanted
 * @param dialTemplate dial string for forward targets; contains {@code {number}} exactly once
 * @param agents       agent device (such as {@code PJSIP/1001}) to panel user name
 */
public record AsteriskSection(Agi agi, Optional<Ami> ami, String dialTemplate, Map<String, String> agents) {
    public static final String NUMBER_PLACEHOLDER = "{number}";

    public AsteriskSection {
        Objects.requireNonNull(agi, "agi");
        Objects.requireNonNull(ami, "ami");
        if (dialTemplate.indexOf(NUMBER_PLACEHOLDER) < 0
                || dialTemplate.indexOf(NUMBER_PLACEHOLDER) != dialTemplate.lastIndexOf(NUMBER_PLACEHOLDER)) {
            throw new IllegalArgumentException("the dial template must contain {number} exactly once, got "
                    + dialTemplate);
        }
        agents = Map.copyOf(agents);
    }

    /** The defaults used when the section is left out: local FastAGI, no AMI, {@code PJSIP/{number}}. */
    public static AsteriskSection defaults() {
        return new AsteriskSection(Agi.defaults(), Optional.empty(), "PJSIP/" + NUMBER_PLACEHOLDER, Map.of());
    }

    /** The dial string for a configured phone number (never for anything a caller typed). */
    public String dialString(String number) {
        return dialTemplate.replace(NUMBER_PLACEHOLDER, number);
    }

    /**
     * The FastAGI server. FastAGI has no authentication, so only {@code allowedHosts} may connect.
     *
     * @param port                  0 means "any free port" (tests)
     * @param maxCalls              calls served at once; each call beyond gets the dialplan's fallback at once
     * @param dependencyTimeoutMs   how long a call waits for the ticket store or router before it falls back
     * @param dependencyThreads     threads that run those blocking calls
     * @param ioThreads             network threads, 0 for two per core
     */
    public record Agi(String bind, int port, List<String> allowedHosts, int maxCalls, int dependencyTimeoutMs,
                      int dependencyThreads, int ioThreads) {
        public static final int DEFAULT_PORT = 4573;
        public static final int DEFAULT_MAX_CALLS = 2500;
        public static final int DEFAULT_DEPENDENCY_TIMEOUT_MS = 3000;
        public static final int DEFAULT_DEPENDENCY_THREADS = 16;

        public Agi {
            Objects.requireNonNull(bind, "bind");
            allowedHosts = List.copyOf(allowedHosts);
        }

        public static Agi defaults() {
            return new Agi("127.0.0.1", DEFAULT_PORT, List.of("127.0.0.1"), DEFAULT_MAX_CALLS,
                    DEFAULT_DEPENDENCY_TIMEOUT_MS, DEFAULT_DEPENDENCY_THREADS, 0);
        }
    }

    /** The Asterisk Manager Interface login (a least-privilege user). */
    public record Ami(String host, int port, String username, String secret) {
        public static final int DEFAULT_PORT = 5038;

        public Ami {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secret, "secret");
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Ami[host=" + host + ", port=" + port + ", username=" + username + ", secret=***]";
        }
    }
}
