package org.hotline.panel;

import java.time.Clock;

/** The search contract against hand-written fakes of the storage ports. */
class SearchApiTest extends SearchApiContract {
    @Override
    PanelHarness.Backend backend(Clock clock) {
        return PanelHarness.Backend.fakes(clock);
    }
}
