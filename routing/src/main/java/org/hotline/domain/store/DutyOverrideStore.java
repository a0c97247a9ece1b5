package org.hotline.domain.store;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the roster overrides saved through the panel live (PostgreSQL in production), so a
 * saved swap or leave survives a restart. Implementations are thread-safe.
 */
public interface DutyOverrideStore {

    /** All overrides, by roster then date. */
    List<DutyOverride> list();

    /** Adds the override or replaces the one for the same roster and date; returns what was stored. */
    DutyOverride save(DutyOverride override);

    /** Removes the override for that roster and date; false if there was none. */
    boolean remove(String roster, LocalDate date);
}
