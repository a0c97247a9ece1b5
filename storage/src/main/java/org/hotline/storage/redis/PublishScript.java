package org.hotline.storage.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Wraps {@code redis/publish.lua}: append an event to its stream and announce it on the feed, in
 * one step; with a once-key, only the first such event within its window.
 */
final class PublishScript {
    private final LuaScript script = new LuaScript("publish.lua");

    /** @return the new entry's id, or null when {@code onceKey} was taken within its window */
    String run(UnifiedJedis redis, String streamKey, String redisKey, String feedKey, long maxLength,
               String onceKey, Duration window, Map<String, String> event) {
        List<String> args = new ArrayList<>(4 + event.size() * 2);
        args.add(Long.toString(maxLength));
        args.add(Long.toString(maxLength));
        args.add(streamKey);
        args.add(onceKey == null ? "0" : Long.toString(Math.max(1, window.toMillis())));
        event.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        List<String> keys = onceKey == null ? List.of(redisKey, feedKey) : List.of(redisKey, feedKey, onceKey);
        return (String) script.run(redis, keys, args);
    }
}
