package org.hotline.domain.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets its least recently used entries first: what a store decorator
 * remembers of the tickets it handled lately (a copy, an id, a placement), so the common case
 * needs no read. Never the only record of anything. Thread-safe.
 */
public final class RecentMap<K, V> {

    private final Map<K, V> map;

    /** A map that holds at most {@code capacity} entries. */
    public RecentMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value remembered for {@code key}, or {@code null}. */
    public synchronized V get(K key) {
        return map.get(key);
    }

    /** Remembers {@code value} for {@code key}; returns {@code value}. */
    public synchronized V put(K key, V value) {
        map.put(key, value);
        return value;
    }

    public synchronized void remove(K key) {
        map.remove(key);
    }
}
