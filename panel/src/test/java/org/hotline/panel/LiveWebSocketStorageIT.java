package org.hotline.panel;

import java.time.Clock;

/** The WebSocket contract with screen pops read from real Redis streams. */
class LiveWebSocketStorageIT extends LiveWebSocketContract {
    @Override
    PanelHarness newHarness() throws Exception {
        return new PanelHarness(Clock.systemUTC(), PanelHarness.Backend.storage(Clock.systemUTC()),
                TestPanelConfig.onFreePort());
    }
}
