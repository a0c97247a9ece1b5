package org.hotline.storage.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.ticket.Presence;
import org.hotline.domain.store.PresenceStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link PresenceStore} on Redis: one hash per agent ({@code hl:presence:<agent>}) with a TTL, so
 * Redis itself forgets an agent whose panel stopped refreshing; plus an index sorted set
 * ({@code hl:presence-index}, agent scored by expiry) to list everyone without {@code KEYS}.
 * Thread-safe.
 */
public final class RedisPresenceStore implements PresenceStore {

    private static final String INDEX = "hl:presence-index";

    private final UnifiedJedis redis;
    private final Clock clock;

    public RedisPresenceStore(UnifiedJedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    private static String key(String agentId) {
        if (agentId == null || agentId.isBlank()) {
            throw new IllegalArgumentException("an agent id must not be blank");
        }
        return "hl:presence:" + agentId;
    }

    @Override
    public Presence set(String agentId, AgentState state, String reason, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("presence needs a positive time to live");
        }
        Instant now = clock.instant();
        Presence previous = get(agentId).orElse(null);
        Instant since = previous != null && previous.state() == state ? previous.since() : now;
        Presence p = new Presence(agentId, state, reason, since, now.plus(ttl));
        Map<String, String> h = new HashMap<>();
        h.put("state", state.name());
        h.put("since", Long.toString(since.toEpochMilli()));
        h.put("expiresAt", Long.toString(p.expiresAt().toEpochMilli()));
        if (reason != null) {
            h.put("reason", reason);
        }
        String key = key(agentId);
        redis.del(key);
        redis.hset(key, h);
        redis.pexpire(key, ttl.toMillis());
        redis.zadd(INDEX, p.expiresAt().toEpochMilli(), agentId);
        return p;
    }

    @Override
    public Optional<Presence> get(String agentId) {
        Map<String, String> h = redis.hgetAll(key(agentId));
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Presence(agentId, AgentState.valueOf(h.get("state")), h.get("reason"),
                Instant.ofEpochMilli(Long.parseLong(h.get("since"))),
                Instant.ofEpochMilli(Long.parseLong(h.get("expiresAt")))));
    }

    @Override
    public List<Presence> all() {
        List<Presence> out = new ArrayList<>();
        for (String agent : redis.zrange(INDEX, 0, -1)) {
            Optional<Presence> p = get(agent);
            if (p.isPresent()) {
                out.add(p.get());
            } else {
                redis.zrem(INDEX, agent);
            }
        }
        return out;
    }

    @Override
    public void clear(String agentId) {
        redis.del(key(agentId));
        redis.zrem(INDEX, agentId);
    }
}
