package org.hotline.panel;

/** The contract against hand-written fakes of the storage ports (fast, no servers). */
class LiveWebSocketTest extends LiveWebSocketContract {
    @Override
    PanelHarness newHarness() throws Exception {
        return new PanelHarness();
    }
}
