package org.hotline.panel.roster;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Overrides kept in memory (lost on restart unless the app re-seeds them). After every change
 * the listener gets the full list, so the app can rebuild the duty roster routing uses
 * ({@link RosterOverlay#apply}) or persist them. Thread-safe; the listener is called under the
 * store's lock, in change order.
 */
public final class InMemoryRosterOverrides implements RosterOverrides {
    private final Map<String, RosterOverride> byKey = new ConcurrentSkipListMap<>();
    private final Consumer<List<RosterOverride>> onChange;

    public InMemoryRosterOverrides(List<RosterOverride> seed) {
        this(seed, all -> { });
    }

    public InMemoryRosterOverrides(List<RosterOverride> seed, Consumer<List<RosterOverride>> onChange) {
        seed.forEach(o -> byKey.put(o.roster() + "/" + o.date(), o));
        this.onChange = onChange;
    }

    @Override
    public List<RosterOverride> list() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(RosterOverride::roster).thenComparing(RosterOverride::date)).toList();
    }

    @Override
    public synchronized RosterOverride save(RosterOverride o) {
        byKey.put(o.roster() + "/" + o.date(), o);
        onChange.accept(list());
        return o;
    }

    @Override
    public synchronized boolean remove(String roster, LocalDate date) {
        boolean removed = byKey.remove(roster + "/" + date) != null;
        if (removed) {
            onChange.accept(list());
        }
        return removed;
    }
}
