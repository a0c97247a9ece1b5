package org.hotline.storage.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.domain.store.ClaimHold;
import redis.clients.jedis.UnifiedJedis;

/** Wraps {@code redis/hold.lua} and {@code redis/take-expired-holds.lua}: agents' holds on claimed tickets. */
final class HoldScripts {
    private final LuaScript hold = new LuaScript("hold.lua");
    private final LuaScript takeExpired = new LuaScript("take-expired-holds.lua");

    boolean hold(UnifiedJedis redis, long ticketId, String agent, long untilMs) {
        Object r = hold.run(redis, List.of(QueueKeys.HOLDS, QueueKeys.HOLD_AGENT),
                List.of(Long.toString(ticketId), agent, Long.toString(untilMs)));
        return ((Long) r) == 1L;
    }

    @SuppressWarnings("unchecked")
    List<ClaimHold> takeExpired(UnifiedJedis redis, long nowMs, int max) {
        List<Object> r = (List<Object>) takeExpired.run(redis, List.of(QueueKeys.HOLDS, QueueKeys.HOLD_AGENT),
                List.of(Long.toString(nowMs), Integer.toString(max)));
        List<ClaimHold> out = new ArrayList<>();
        for (int i = 0; i + 2 < r.size(); i += 3) {
            out.add(new ClaimHold(Long.parseLong((String) r.get(i)), (String) r.get(i + 1),
                    Instant.ofEpochMilli((long) Double.parseDouble((String) r.get(i + 2)))));
        }
        return out;
    }
}
