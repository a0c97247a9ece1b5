package org.hotline.storage.redis;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/claim.lua}: expire old leases, then lease the best ticket of several queues. */
final class ClaimScript {
    private final LuaScript script = new LuaScript("claim.lua");

    /** Returns {ticket, queue, expiry ms} or {@code null} when all queues are empty. */
    @SuppressWarnings("unchecked")
    List<String> run(UnifiedJedis redis, List<String> queueNames, long nowMs, long leaseMs, String agent, String token) {
        List<String> keys = new ArrayList<>(List.of(QueueKeys.LEASES, QueueKeys.LEASE_INFO));
        queueNames.forEach(q -> keys.add(QueueKeys.queue(q)));
        Object r = script.run(redis, keys, List.of(Long.toString(nowMs), Long.toString(leaseMs), agent, token, QueueKeys.PREFIX));
        return r == null ? null : (List<String>) r;
    }
}
