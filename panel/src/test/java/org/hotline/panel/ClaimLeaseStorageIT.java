package org.hotline.panel;

import java.time.Clock;

/** The claim-lease contract against the real storage: PostgreSQL tickets, Redis queue and holds. */
class ClaimLeaseStorageIT extends ClaimLeaseContract {
    @Override
    PanelHarness.Backend backend(Clock clock) {
        return PanelHarness.Backend.storage(clock);
    }
}
