package org.hotline.panel;

import java.time.Clock;
import java.time.Duration;

/** The users contract against hand-written fakes of the storage ports. */
class UserApiTest extends UserApiContract {
    @Override
    PanelHarness newHarness() throws Exception {
        return new PanelHarness(Clock.systemUTC(), PanelHarness.Backend.fakes(Clock.systemUTC()),
                TestPanelConfig.onFreePort(100, Duration.ofMillis(1)));
    }
}
