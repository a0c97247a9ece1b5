package org.hotline.panel.roster;

import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.ticket.AuditEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Overrides kept in memory, for tests. A change's audit entry goes to the given trail before
 * the change is made (a trail that refuses it leaves the overrides as they were). After every
 * change the listener gets the full list. Thread-safe; the listener is called under the store's
 * lock, in change order.
 */
public final class InMemoryDutyOverrides implements DutyOverrideStore {
    private final Map<String, DutyOverride> byKey = new ConcurrentSkipListMap<>();
    private final Consumer<List<DutyOverride>> onChange;
    private final AuditTrail audit;

    /** Overrides whose changes are audited in {@code audit}. */
    public InMemoryDutyOverrides(AuditTrail audit) {
        this(List.of(), all -> { }, audit);
    }

    public InMemoryDutyOverrides(List<DutyOverride> seed, Consumer<List<DutyOverride>> onChange, AuditTrail audit) {
        seed.forEach(o -> byKey.put(o.key(), o));
        this.onChange = onChange;
        this.audit = audit;
    }

    @Override
    public List<DutyOverride> list() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(DutyOverride::roster).thenComparing(DutyOverride::date)).toList();
    }

    @Override
    public synchronized AuditEntry apply(RosterChange change) {
        AuditEntry recorded = audit.record(change.audit());
        change.removals().forEach(d -> byKey.remove(d.roster() + "/" + d.date()));
        change.saves().forEach(o -> byKey.put(o.key(), o));
        onChange.accept(list());
        return recorded;
    }
}
