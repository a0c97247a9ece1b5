package org.hotline.panel.roster;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Overrides kept in memory (lost on restart unless the app re-seeds them). Thread-safe. */
public final class InMemoryRosterOverrides implements RosterOverrides {
    private final Map<String, RosterOverride> byKey = new ConcurrentSkipListMap<>();

    public InMemoryRosterOverrides(List<RosterOverride> seed) {
        seed.forEach(this::save);
    }

    @Override
    public List<RosterOverride> list() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(RosterOverride::roster).thenComparing(RosterOverride::date)).toList();
    }

    @Override
    public RosterOverride save(RosterOverride o) {
        byKey.put(o.roster() + "/" + o.date(), o);
        return o;
    }

    @Override
    public boolean remove(String roster, LocalDate date) {
        return byKey.remove(roster + "/" + date) != null;
    }
}
