package org.hotline.panel;

import java.time.Duration;
import java.util.Optional;

/** Panel settings for tests: the defaults on loopback and a free port. */
public final class TestPanelConfig {
    private TestPanelConfig() {
    }

    public static PanelConfig onFreePort() {
        return onFreePort(PanelConfig.DEFAULT_LOGIN_BURST, PanelConfig.DEFAULT_LOGIN_REFILL);
    }

    /** The defaults on a free port, with another log-in rate limit (the benchmark logs in 500 agents). */
    public static PanelConfig onFreePort(int loginBurst, Duration loginRefill) {
        PanelConfig d = PanelConfig.defaults();
        return new PanelConfig("127.0.0.1", 0, d.secureCookies(), d.allowedOrigins(), d.sessionIdleTimeout(),
                d.maxRequestBytes(), d.maxHeaderBytes(), d.maxJsonDepth(), loginBurst, loginRefill,
                d.workerThreads(), d.bcryptCost(), Optional.empty());
    }
}
