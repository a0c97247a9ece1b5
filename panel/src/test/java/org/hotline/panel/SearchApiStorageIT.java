package org.hotline.panel;

import java.time.Clock;

/** The search contract against the real storage: the SQL of PostgreSQL's search. */
class SearchApiStorageIT extends SearchApiContract {
    @Override
    PanelHarness.Backend backend(Clock clock) {
        return PanelHarness.Backend.storage(clock);
    }
}
