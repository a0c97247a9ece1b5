package org.hotline.storage.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/release.lua}: give a claimed ticket back to its queue. */
final class ReleaseScript {
    private final LuaScript script = new LuaScript("release.lua");

    boolean run(UnifiedJedis redis, long ticketId, String token) {
        Object r = script.run(redis, List.of(QueueKeys.LEASES, QueueKeys.LEASE_INFO),
                List.of(Long.toString(ticketId), token, QueueKeys.PREFIX));
        return ((Long) r) == 1L;
    }
}
