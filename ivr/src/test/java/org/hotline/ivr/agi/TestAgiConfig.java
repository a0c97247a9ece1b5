package org.hotline.ivr.agi;

import java.time.Duration;
import java.util.List;

/** FastAGI settings for tests: the defaults on a free port, with one setting changed. */
public final class TestAgiConfig {
    private TestAgiConfig() {
    }

    public static FastAgiConfig onFreePort() {
        return onFreePort(FastAgiConfig.defaults());
    }

    public static FastAgiConfig onFreePort(FastAgiConfig c) {
        return new FastAgiConfig(c.bindAddress(), 0, c.allowedHosts(), c.maxCalls(), c.dependencyTimeout(),
                c.dependencyThreads(), c.ioThreads());
    }

    public static FastAgiConfig allowing(List<String> hosts) {
        FastAgiConfig c = onFreePort();
        return new FastAgiConfig(c.bindAddress(), c.port(), hosts, c.maxCalls(), c.dependencyTimeout(),
                c.dependencyThreads(), c.ioThreads());
    }

    public static FastAgiConfig maxCalls(int max) {
        FastAgiConfig c = onFreePort();
        return new FastAgiConfig(c.bindAddress(), c.port(), c.allowedHosts(), max, c.dependencyTimeout(),
                c.dependencyThreads(), c.ioThreads());
    }

    public static FastAgiConfig dependencyTimeout(Duration timeout) {
        FastAgiConfig c = onFreePort();
        return new FastAgiConfig(c.bindAddress(), c.port(), c.allowedHosts(), c.maxCalls(), timeout,
                c.dependencyThreads(), c.ioThreads());
    }
}
