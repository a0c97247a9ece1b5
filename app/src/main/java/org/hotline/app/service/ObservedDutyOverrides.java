package org.hotline.app.service;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.DutyOverrideStore;

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
    public synchronized DutyOverride save(DutyOverride override) {
        DutyOverride saved = delegate.save(override);
        listener.accept(delegate.list());
        return saved;
    }

    @Override
    public synchronized boolean remove(String roster, LocalDate date) {
        boolean removed = delegate.remove(roster, date);
        if (removed) {
            listener.accept(delegate.list());
        }
        return removed;
    }
}
