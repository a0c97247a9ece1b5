package org.hotline.domain.config;

import java.util.Locale;

/** What an urgent call does on a line: the normal path, or straight to duty A/B. */
public enum UrgentPath {
    /** The normal path: the queue in office hours, lunch or duty staff otherwise. */
    QUEUE,
    /** Forward to the duty manager (A, then B) of the current duty day, even in office hours. */
    DUTY_MANAGER;

    /** The YAML spelling: {@code queue} or {@code duty-manager}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses the YAML spelling.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static UrgentPath parse(String text) {
        for (UrgentPath p : values()) {
            if (p.yamlName().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected \"queue\" or \"duty-manager\", got \"" + text + "\"");
    }
}
