package org.hotline.storage.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/renew.lua}: extend a lease still held under its token. */
final class RenewScript {
    private final LuaScript script = new LuaScript("renew.lua");

    /** The new expiry in ms, or {@code null} when the lease was lost. */
    Long run(UnifiedJedis redis, long ticketId, String token, long nowMs, long leaseMs) {
        Object r = script.run(redis, List.of(QueueKeys.LEASES, QueueKeys.LEASE_INFO),
                List.of(Long.toString(ticketId), token, Long.toString(nowMs), Long.toString(leaseMs)));
        return r == null ? null : Long.valueOf((String) r);
    }
}
