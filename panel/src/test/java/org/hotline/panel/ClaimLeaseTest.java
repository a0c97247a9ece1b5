package org.hotline.panel;

import java.time.Clock;

/** The claim-lease contract against hand-written fakes of the storage ports. */
class ClaimLeaseTest extends ClaimLeaseContract {
    @Override
    PanelHarness.Backend backend(Clock clock) {
        return PanelHarness.Backend.fakes(clock);
    }
}
