package org.hotline.app.service;

import java.util.List;
import java.util.function.Consumer;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.ticket.AuditEntry;

/**
 * Roster overrides that tell a listener the full list after every change, so the router that
 * forwards calls follows what a supervisor saved in the panel at once.
 * Thread-safe if the delegate is; changes are serialised so the listener sees them in order.
 */
final class ObservedDutyOverrides implements DutyOverrideStore {
    private final DutyOverrideStore delegate;
    private final Consumer<List<DutyOverride>> listener;

    ObservedDutyOverrides(DutyOverrideStore delegate, Consumer<List<DutyOverride>> listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public List<DutyOverride> list() {
        return delegate.list();
    }

    @Override
    public synchronized AuditEntry apply(RosterChange change) {
        AuditEntry recorded = delegate.apply(change);
        listener.accept(delegate.list());
        return recorded;
    }
}
