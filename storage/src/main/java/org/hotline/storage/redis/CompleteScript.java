package org.hotline.storage.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/complete.lua}: finish a claim still held under its token. */
final class CompleteScript {
    private final LuaScript script = new LuaScript("complete.lua");

    boolean run(UnifiedJedis redis, long ticketId, String token, long nowMs) {
        Object r = script.run(redis, List.of(QueueKeys.LEASES, QueueKeys.LEASE_INFO, QueueKeys.WHERE),
                List.of(Long.toString(ticketId), token, Long.toString(nowMs)));
        return ((Long) r) == 1L;
    }
}
