package org.hotline.panel.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.RosterOverride;
import org.hotline.domain.roster.RosterSlot;
import org.hotline.domain.store.DutyOverride;

/**
 * Lays the overrides saved through the panel over a loaded configuration, slot by slot: a saved
 * override's duty slot replaces that day's duty slot of the file's override (or the rotation's),
 * its lunch slot the lunch slot; a slot it leaves out keeps the file's. This gives the
 * configuration the routing module should use. The app calls {@link #apply} when overrides
 * change (saved on this instance, or told by another through the change notice) to rebuild its
 * router. Stateless.
 */
public final class RosterOverlay {
    private RosterOverlay() {}

    /** The configuration with these panel overrides laid over the file's for the same roster and date. */
    public static HotlineConfig apply(HotlineConfig config, List<DutyOverride> overrides) {
        List<RosterConfig> rosters = config.rosters().stream().map(r -> {
            List<RosterOverride> list = new ArrayList<>(r.overrides());
            for (DutyOverride o : overrides) {
                if (!o.roster().equals(r.id())) {
                    continue;
                }
                Optional<RosterOverride> old = list.stream().filter(x -> x.date().equals(o.date())).findFirst();
                list.removeIf(x -> x.date().equals(o.date()));
                Optional<DutyPair> duty = o.pair(RosterSlot.DUTY).or(() -> old.flatMap(RosterOverride::duty));
                Optional<DutyPair> lunch = o.pair(RosterSlot.LUNCH).or(() -> old.flatMap(RosterOverride::lunch));
                list.add(new RosterOverride(o.date(), duty, lunch, o.note()));
            }
            list.sort(Comparator.comparing(RosterOverride::date));
            return new RosterConfig(r.id(), r.dutyDayStarts(), r.rotation(), list);
        }).toList();
        return new HotlineConfig(config.zone(), config.calendar(), config.people(), rosters, config.deadlinePolicies(),
                config.lines());
    }
}
