package org.hotline.domain.routing;

import java.util.List;

/** A line id that the configuration does not define; the message names the configured ones. */
public final class UnknownLineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String lineId;

    public UnknownLineException(String lineId, List<String> configured) {
        super("unknown line \"" + lineId + "\"; configured lines: " + String.join(", ", configured));
        this.lineId = lineId;
    }

    public String lineId() {
        return lineId;
    }
}
