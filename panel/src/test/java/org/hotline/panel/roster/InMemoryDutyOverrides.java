package org.hotline.panel.roster;

import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.DutyOverride;
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
public final class InMemoryDutyOverrides implements DutyOverrideStore {
    private final Map<String, DutyOverride> byKey = new ConcurrentSkipListMap<>();
    private final Consumer<List<DutyOverride>> onChange;

    public InMemoryDutyOverrides(List<DutyOverride> seed) {
        this(seed, all -> { });
    }

    public InMemoryDutyOverrides(List<DutyOverride> seed, Consumer<List<DutyOverride>> onChange) {
        seed.forEach(o -> byKey.put(o.roster() + "/" + o.date(), o));
        this.onChange = onChange;
    }

    @Override
    public List<DutyOverride> list() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(DutyOverride::roster).thenComparing(DutyOverride::date)).toList();
    }

    @Override
    public synchronized DutyOverride save(DutyOverride o) {
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
