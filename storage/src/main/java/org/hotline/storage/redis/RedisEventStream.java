package org.hotline.storage.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadParams;

/**
 * {@link EventStream} on Redis Streams: {@code XADD ... MAXLEN ~ n} to publish (with the feed
 * entry, both in one Lua script, {@code redis/publish.lua}), {@code XRANGE} with an exclusive
 * start to replay after a last-seen id, a once-key ({@code SET NX PX} in the same script) for
 * {@link #publishOnce}, {@code XREAD BLOCK} to wait. Keys are
 * {@code hl:stream:<streamKey>}; the feed is {@code hl:stream:feed} and keeps about as many
 * entries as any other stream. A blocking read holds one pooled connection for up to its
 * timeout, which is capped at {@link #MAX_BLOCK} (below the client's socket timeout). Under Redis
 * Cluster the script's two keys must share a slot, which the {@code hl:stream:} keys do not: run
 * the event streams on a single primary (with Sentinel), as the example does. Thread-safe.
 */
public final class RedisEventStream implements EventStream {

    /** The longest a blocking read waits. */
    public static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private final UnifiedJedis redis;
    private final long maxLength;
    private final PublishScript publish = new PublishScript();

    /** @param maxLength approximate number of entries each stream keeps (older ones are trimmed) */
    public RedisEventStream(UnifiedJedis redis, long maxLength) {
        this.redis = redis;
        this.maxLength = maxLength;
    }

    private static String key(String streamKey) {
        if (streamKey == null || streamKey.isBlank()) {
            throw new IllegalArgumentException("a stream key must not be blank");
        }
        return "hl:stream:" + streamKey;
    }

    @Override
    public String publish(String streamKey, Map<String, String> event) {
        if (event.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one field");
        }
        if (streamKey.equals(FEED)) {
            throw new IllegalArgumentException("the feed is written by publish itself, never published to");
        }
        return publish.run(redis, streamKey, key(streamKey), key(FEED), maxLength, null, null, event);
    }

    /** The once-key is {@code hl:once:<onceKey>}, a plain string key that expires after the window. */
    @Override
    public Optional<String> publishOnce(String streamKey, String onceKey, Duration window, Map<String, String> event) {
        if (event.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one field");
        }
        if (streamKey.equals(FEED)) {
            throw new IllegalArgumentException("the feed is written by publish itself, never published to");
        }
        if (onceKey == null || onceKey.isBlank() || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("publishOnce needs a once-key and a positive window");
        }
        return Optional.ofNullable(publish.run(redis, streamKey, key(streamKey), key(FEED), maxLength,
                "hl:once:" + onceKey, window, event));
    }

    @Override
    public String lastId(String streamKey) {
        List<redis.clients.jedis.resps.StreamEntry> last = redis.xrevrange(key(streamKey), "+", "-", 1);
        return last.isEmpty() ? START : last.get(0).getID().toString();
    }

    @Override
    public List<StreamEntry> readAfter(String streamKey, String lastId, int max) {
        String start = lastId == null || lastId.equals(START) ? "-" : "(" + new StreamEntryID(lastId);
        List<StreamEntry> out = new ArrayList<>();
        for (redis.clients.jedis.resps.StreamEntry e : redis.xrange(key(streamKey), start, "+", max)) {
            out.add(new StreamEntry(e.getID().toString(), e.getFields()));
        }
        return out;
    }

    @Override
    public List<StreamEntry> readBlocking(String streamKey, String lastId, int max, Duration timeout) {
        List<StreamEntry> now = readAfter(streamKey, lastId, max);
        if (!now.isEmpty() || timeout.isZero() || timeout.isNegative()) {
            return now;
        }
        long ms = Math.max(1, Math.min(timeout.toMillis(), MAX_BLOCK.toMillis()));
        StreamEntryID from = lastId == null ? new StreamEntryID(0, 0) : new StreamEntryID(lastId);
        var result = redis.xread(XReadParams.xReadParams().count(max).block((int) ms), Map.of(key(streamKey), from));
        List<StreamEntry> out = new ArrayList<>();
        if (result != null) {
            for (var stream : result) {
                for (redis.clients.jedis.resps.StreamEntry e : stream.getValue()) {
                    out.add(new StreamEntry(e.getID().toString(), e.getFields()));
                }
            }
        }
        return out;
    }
}
