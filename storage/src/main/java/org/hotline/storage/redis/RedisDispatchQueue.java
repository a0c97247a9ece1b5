package org.hotline.storage.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hotline.domain.store.Claim;
import org.hotline.domain.store.ClaimHold;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.QueuedTicket;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.Urgency;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * {@link DispatchQueue} on Redis: one sorted set per queue (ticket id scored by priority), a
 * sorted set of leases (ticket id scored by lease expiry) and a hash of lease details. Every
 * state change is one Lua script ({@code redis/*.lua}), so claiming is atomic: a ticket is in
 * exactly one of "waiting" or "leased to one agent".
 *
 * <p>Score: {@code rank(urgency) * 1e13 + t}, where rank is 0 for EMERGENCY to 3 for LOW and
 * {@code t} the earliest deadline in epoch ms, or {@code 5e12 + created-at ms} for tickets
 * without a deadline (after all deadlines, oldest first). Exact in a double until year 2128.
 *
 * <p>Agents' {@link ClaimHold holds} on tickets they work live in a sorted set by expiry and a hash
 * of agents; taking expired holds is one script, so one instance gives each ticket back.
 *
 * <p>Lease expiry uses the injected clock, so tests can move time. Thread-safe.
 */
public final class RedisDispatchQueue implements DispatchQueue {

    private static final double RANK = 1e13;
    private static final double NO_DEADLINE = 5e12;

    private final UnifiedJedis redis;
    private final Clock clock;
    private final ClaimScript claim = new ClaimScript();
    private final ExpireScript expire = new ExpireScript();
    private final EnqueueScript enqueue = new EnqueueScript();
    private final CompleteScript complete = new CompleteScript();
    private final ReleaseScript release = new ReleaseScript();
    private final RemoveScript remove = new RemoveScript();
    private final HoldScripts holds = new HoldScripts();

    public RedisDispatchQueue(UnifiedJedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** The priority score of a ticket (lower is served first). */
    static double score(Ticket t) {
        double rank = (Urgency.values().length - 1) - t.urgency().ordinal();
        double when = t.earliestDeadline().map(i -> (double) i.toEpochMilli())
                .orElse(NO_DEADLINE + t.createdAt().toEpochMilli());
        return rank * RANK + when;
    }

    @Override
    public void enqueue(String queue, Ticket ticket) {
        if (ticket.isProvisional()) {
            throw new IllegalArgumentException("provisional ticket " + ticket.number()
                    + " cannot be queued before it is written to the database");
        }
        enqueue.run(redis, queue, ticket.id(), score(ticket));
    }

    @Override
    public Optional<Claim> claim(String agentId, Collection<String> queues, Duration lease) {
        if (queues.isEmpty()) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString();
        List<String> r = claim.run(redis, List.copyOf(queues), clock.millis(), lease.toMillis(), agentId, token);
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new Claim(Long.parseLong(r.get(0)), r.get(1), agentId, token,
                Instant.ofEpochMilli(Long.parseLong(r.get(2)))));
    }

    @Override
    public boolean complete(Claim c) {
        return complete.run(redis, c.ticketId(), c.token(), clock.millis());
    }

    @Override
    public boolean release(Claim c) {
        return release.run(redis, c.ticketId(), c.token());
    }

    @Override
    public void remove(long ticketId) {
        remove.run(redis, ticketId);
    }

    @Override
    public int expireLeases() {
        return expire.run(redis, clock.millis());
    }

    @Override
    public boolean hold(long ticketId, String agentId, Instant until) {
        return holds.hold(redis, ticketId, agentId, until.toEpochMilli());
    }

    @Override
    public Optional<ClaimHold> holdOf(long ticketId) {
        String id = Long.toString(ticketId);
        String agent = redis.hget(QueueKeys.HOLD_AGENT, id);
        Double until = redis.zscore(QueueKeys.HOLDS, id);
        return agent == null || until == null ? Optional.empty()
                : Optional.of(new ClaimHold(ticketId, agent, Instant.ofEpochMilli(until.longValue())));
    }

    @Override
    public void endHold(long ticketId) {
        String id = Long.toString(ticketId);
        redis.zrem(QueueKeys.HOLDS, id);
        redis.hdel(QueueKeys.HOLD_AGENT, id);
    }

    @Override
    public List<ClaimHold> takeExpiredHolds(int max) {
        return holds.takeExpired(redis, clock.millis(), max);
    }

    @Override
    public List<QueuedTicket> peek(String queue, int max) {
        List<QueuedTicket> out = new ArrayList<>();
        for (Tuple t : redis.zrangeWithScores(QueueKeys.queue(queue), 0, Math.max(0, max - 1))) {
            double s = t.getScore();
            int rank = (int) Math.floor(s / RANK);
            double when = s - rank * RANK;
            Urgency urgency = Urgency.values()[Urgency.values().length - 1 - Math.min(rank, Urgency.values().length - 1)];
            Instant deadline = when >= NO_DEADLINE ? null : Instant.ofEpochMilli((long) when);
            out.add(new QueuedTicket(Long.parseLong(t.getElement()), urgency, deadline));
        }
        return out;
    }

    @Override
    public long size(String queue) {
        return redis.zcard(QueueKeys.queue(queue));
    }

    /** Number of tickets currently leased (for the wallboard and tests). */
    public long leased() {
        return redis.zcard(QueueKeys.LEASES);
    }
}
