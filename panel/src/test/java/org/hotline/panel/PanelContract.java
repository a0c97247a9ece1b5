package org.hotline.panel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A contract run against each backend (fakes, and the real storage in the ITs): every test gets
 * a running panel {@link #h} from {@link #newHarness()}, closed after it.
 */
abstract class PanelContract {
    PanelHarness h;

    /** A running panel on the backend under test. */
    abstract PanelHarness newHarness() throws Exception;

    @BeforeEach
    void startPanel() throws Exception {
        h = newHarness();
    }

    @AfterEach
    void stopPanel() {
        h.close();
    }
}
