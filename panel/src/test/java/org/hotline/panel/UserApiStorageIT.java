package org.hotline.panel;

import java.time.Clock;
import java.time.Duration;

/** The users contract against the real storage: PostgreSQL users, sessions and audit trail. */
class UserApiStorageIT extends UserApiContract {
    @Override
    PanelHarness newHarness() throws Exception {
        return new PanelHarness(Clock.systemUTC(), PanelHarness.Backend.storage(Clock.systemUTC()),
                TestPanelConfig.onFreePort(100, Duration.ofMillis(1)));
    }
}
