package org.hotline.domain.routing;

import java.util.List;

/**
 * A line the configuration does not define: asked for by id (the message names the configured
 * ones), or reached by a dialled number that belongs to no line.
 */
public final class UnknownLineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String lineId;

    public UnknownLineException(String lineId, List<String> configured) {
        super("unknown line \"" + lineId + "\"; configured lines: " + String.join(", ", configured));
        this.lineId = lineId;
    }

    private UnknownLineException(String message) {
        super(message);
        this.lineId = null;
    }

    /** The dialled number belongs to no configured line ({@code lines[].numbers}). */
    public static UnknownLineException forDialledNumber(String dialled) {
        return new UnknownLineException("the dialled number '" + dialled
                + "' belongs to no line in the configuration (lines[].numbers)");
    }

    /** The line id asked for; {@code null} when the line was looked up by a dialled number. */
    public String lineId() {
        return lineId;
    }
}
