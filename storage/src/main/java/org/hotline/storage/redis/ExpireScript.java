package org.hotline.storage.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/expire.lua}: return expired leases to their queues. */
final class ExpireScript {
    private final LuaScript script = new LuaScript("expire.lua");

    int run(UnifiedJedis redis, long nowMs) {
        Object r = script.run(redis, List.of(QueueKeys.LEASES, QueueKeys.LEASE_INFO),
                List.of(Long.toString(nowMs), QueueKeys.PREFIX));
        return ((Long) r).intValue();
    }
}
