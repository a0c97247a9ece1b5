package org.hotline.storage.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/enqueue.lua}: queue or re-score a ticket unless it is leased. */
final class EnqueueScript {
    private final LuaScript script = new LuaScript("enqueue.lua");

    boolean run(UnifiedJedis redis, String queue, long ticketId, double score) {
        Object r = script.run(redis, List.of(QueueKeys.queue(queue), QueueKeys.LEASE_INFO, QueueKeys.WHERE),
                List.of(Long.toString(ticketId), Double.toString(score), queue, QueueKeys.PREFIX));
        return ((Long) r) == 1L;
    }
}
