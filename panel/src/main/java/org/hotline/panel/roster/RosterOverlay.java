package org.hotline.panel.roster;

import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.DutyOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.RosterConfig;

/**
 * Lays the overrides saved through the panel over a loaded configuration: each replaces the
 * file's override of the same roster and duty day (keeping that day's lunch slot), giving the
 * configuration the routing module should use. The app calls {@link #apply} when overrides
 * change (the app observes its DutyOverrideStore) to rebuild its duty roster. Stateless.
 */
public final class RosterOverlay {
    private RosterOverlay() {}

    /** The configuration with these panel overrides replacing the file's for the same roster and date. */
    public static HotlineConfig apply(HotlineConfig config, List<DutyOverride> overrides) {
        List<RosterConfig> rosters = config.rosters().stream().map(r -> {
            List<org.hotline.domain.config.RosterOverride> list = new ArrayList<>(r.overrides());
            for (DutyOverride o : overrides) {
                if (!o.roster().equals(r.id())) {
                    continue;
                }
                Optional<org.hotline.domain.config.RosterOverride> old = list.stream().filter(x -> x.date().equals(o.date())).findFirst();
                list.removeIf(x -> x.date().equals(o.date()));
                DutyPair duty = o.dutyB() == null || o.dutyB().isBlank() ? DutyPair.of(o.dutyA()) : DutyPair.of(o.dutyA(), o.dutyB());
                list.add(new org.hotline.domain.config.RosterOverride(o.date(), Optional.of(duty),
                        old.flatMap(org.hotline.domain.config.RosterOverride::lunch), o.note() == null ? "" : o.note()));
            }
            list.sort(java.util.Comparator.comparing(org.hotline.domain.config.RosterOverride::date));
            return new RosterConfig(r.id(), r.dutyDayStarts(), r.rotation(), list);
        }).toList();
        return new HotlineConfig(config.zone(), config.calendar(), config.people(), rosters, config.deadlinePolicies(),
                config.lines());
    }
}
