package org.hotline.panel.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * Where dated roster overrides live. The app decides (the routing module reads them when it
 * picks the duty manager); {@link InMemoryRosterOverrides} keeps them in memory, seeded from
 * the configuration. Implementations are thread-safe.
 */
public interface RosterOverrides {

    /** All overrides, by roster then date. */
    List<RosterOverride> list();

    /** Adds the override or replaces the one for the same roster and date. */
    RosterOverride save(RosterOverride override);

    /** Removes the override for that roster and date; false if there was none. */
    boolean remove(String roster, LocalDate date);
}
