package org.hotline.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.notify.Alert;
import org.hotline.domain.notify.AlertStore;

/** {@link AlertStore} in memory, with the same once-per-key and acknowledge-once rules. Thread-safe. */
public final class InMemoryAlerts implements AlertStore {
    private final Map<Long, Alert> byId = new LinkedHashMap<>();

    @Override
    public synchronized boolean raise(String key, String kind, String subject, long ticketId,
            Collection<String> recipients, boolean urgent, Instant at) {
        if (byId.values().stream().anyMatch(a -> a.key().equals(key))) {
            return false;
        }
        long id = byId.size() + 1L;
        byId.put(id, new Alert(id, key, kind, subject, ticketId, List.copyOf(recipients), urgent, at, null, null));
        return true;
    }

    @Override
    public synchronized Optional<Alert> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Alert> acknowledge(long id, String by, Instant at) {
        Alert a = byId.get(id);
        if (a == null) {
            return Optional.empty();
        }
        if (a.acknowledged()) {
            throw new AlreadyAcknowledgedException(a);
        }
        Alert acked = new Alert(a.id(), a.key(), a.kind(), a.subject(), a.ticketId(), a.recipients(), a.urgent(),
                a.raisedAt(), by, at);
        byId.put(id, acked);
        return Optional.of(acked);
    }

    @Override
    public synchronized List<Alert> recent(boolean openOnly, int limit, long beforeId) {
        List<Alert> out = new ArrayList<>();
        List<Alert> all = new ArrayList<>(byId.values());
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            Alert a = all.get(i);
            if ((beforeId <= 0 || a.id() < beforeId) && !(openOnly && a.acknowledged())) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every alert, oldest first (tests). */
    public synchronized List<Alert> all() {
        return List.copyOf(byId.values());
    }
}
