package org.hotline.domain.roster;

import java.util.Locale;

/** The two slots of a duty day: the after-hours duty (A/B) and the lunch turn (A/B). */
public enum RosterSlot {
    DUTY,
    LUNCH;

    /** The wire and audit name: {@code duty} or {@code lunch}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
