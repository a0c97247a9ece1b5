package org.hotline.storage.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/remove.lua}: take a ticket out of its queue and any lease. */
final class RemoveScript {
    private final LuaScript script = new LuaScript("remove.lua");

    boolean run(UnifiedJedis redis, long ticketId) {
        Object r = script.run(redis, List.of(QueueKeys.LEASES, QueueKeys.LEASE_INFO, QueueKeys.WHERE),
                List.of(Long.toString(ticketId), QueueKeys.PREFIX));
        return ((Long) r) == 1L;
    }
}
