package org.hotline.storage.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/publish.lua}: append an event to its stream and announce it on the feed, in one step. */
final class PublishScript {
    private final LuaScript script = new LuaScript("publish.lua");

    String run(UnifiedJedis redis, String streamKey, String redisKey, String feedKey, long maxLength,
               Map<String, String> event) {
        List<String> args = new ArrayList<>(3 + event.size() * 2);
        args.add(Long.toString(maxLength));
        args.add(Long.toString(maxLength));
        args.add(streamKey);
        event.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return (String) script.run(redis, List.of(redisKey, feedKey), args);
    }
}
