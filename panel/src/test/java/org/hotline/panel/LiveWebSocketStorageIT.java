package org.hotline.panel;

import java.time.Clock;

/** The WebSocket contract with screen pops read from real Redis streams. */
class LiveWebSocketStorageIT extends LiveWebSocketContract {
    @Override
    PanelHarness newHarness() throws Exception {
        return new PanelHarness(Clock.systemUTC(), PanelHarness.Backend.storage(Clock.systemUTC()),
                PanelConfig.defaults().withBind("127.0.0.1", 0));
    }
}
