package org.hotline.app.config;

import java.util.Objects;

/**
 * The {@code panel} section: where the agents' web panel listens.
 *
 * @param port 0 means "any free port" (tests)
 */
public record PanelSection(String bind, int port) {
    public static final int DEFAULT_PORT = 8080;

    public PanelSection {
        Objects.requireNonNull(bind, "bind");
    }

    public static PanelSection defaults() {
        return new PanelSection("127.0.0.1", DEFAULT_PORT);
    }
}
