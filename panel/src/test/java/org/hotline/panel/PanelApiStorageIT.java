package org.hotline.panel;

import java.time.Clock;

/** The API contract against the real storage: PostgreSQL tickets and users, Redis queue, streams and presence. */
class PanelApiStorageIT extends PanelApiContract {
    @Override
    PanelHarness newHarness() throws Exception {
        return new PanelHarness(Clock.systemUTC(), PanelHarness.Backend.storage(Clock.systemUTC()),
                TestPanelConfig.onFreePort());
    }
}
