package org.hotline.panel.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;

/**
 * In-memory streams with Redis-style ids ({@code <epoch ms>-<seq>}, from the wall clock like
 * Redis), blocking reads on a monitor, every publish announced on {@link #FEED} like the Redis
 * implementation. Thread-safe.
 */
public final class FakeEventStream implements EventStream {
    private final Map<String, List<StreamEntry>> streams = new HashMap<>();
    private final Map<String, Long> once = new HashMap<>();
    private long lastMs;
    private long seq;

    @Override
    public synchronized String publish(String key, Map<String, String> event) {
        if (key.equals(FEED)) {
            throw new IllegalArgumentException("the feed is written by publish itself");
        }
        String id = append(key, event);
        append(FEED, Map.of("stream", key, "id", id));
        return id;
    }

    @Override
    public synchronized java.util.Optional<String> publishOnce(String key, String onceKey, Duration window,
                                                               Map<String, String> event) {
        long now = System.nanoTime();
        Long until = once.get(onceKey);
        if (until != null && until - now > 0) {
            return java.util.Optional.empty();
        }
        once.put(onceKey, now + window.toNanos());
        return java.util.Optional.of(publish(key, event));
    }

    @Override
    public synchronized String lastId(String key) {
        List<StreamEntry> s = streams.getOrDefault(key, List.of());
        return s.isEmpty() ? START : s.get(s.size() - 1).id();
    }

    private String append(String key, Map<String, String> event) {
        long ms = System.currentTimeMillis();
        if (ms <= lastMs) {
            ms = lastMs;
            seq++;
        } else {
            lastMs = ms;
            seq = 0;
        }
        String id = ms + "-" + seq;
        streams.computeIfAbsent(key, k -> new ArrayList<>()).add(new StreamEntry(id, event));
        notifyAll();
        return id;
    }

    @Override
    public synchronized List<StreamEntry> readAfter(String key, String lastId, int max) {
        List<StreamEntry> out = new ArrayList<>();
        for (StreamEntry e : streams.getOrDefault(key, List.of())) {
            if (compare(e.id(), lastId) > 0 && out.size() < max) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized List<StreamEntry> readBlocking(String key, String lastId, int max, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<StreamEntry> out = readAfter(key, lastId, max);
        while (out.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return out;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out;
            }
            out = readAfter(key, lastId, max);
        }
        return out;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
