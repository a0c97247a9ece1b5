package org.hotline.storage.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hotline.domain.store.ClaimHolds;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Rebuilds the dispatch queues and the claim holds from PostgreSQL, the truth: every open ticket
 * without an owner that wants a call-back ({@link Ticket#awaitsAgent()}) is queued again (tickets
 * currently leased stay leased), and whatever Redis holds that PostgreSQL says is no longer
 * waiting is removed; every claim still being worked ({@link ClaimHolds#isHeldWork}) that has no
 * hold gets one for its owner, lasting {@code holdLease} from the rebuild, so an agent who went
 * away while Redis was lost still gives the ticket back, and one still working it renews it as
 * before. Runs at start-up and whenever the marker key {@code {hlq}:rebuilt} is missing, which is
 * how a flushed or replaced Redis shows itself. Thread-safe; rebuilding twice is harmless.
 */
public final class RedisRebuilder {

    private static final Logger log = LoggerFactory.getLogger(RedisRebuilder.class);

    private final UnifiedJedis redis;
    private final DispatchQueue queue;
    private final Supplier<List<Ticket>> awaitingAgent;
    private final Supplier<List<Ticket>> claimed;
    private final Clock clock;
    private final Duration holdLease;

    /**
     * @param awaitingAgent reads the tickets that await an agent from PostgreSQL
     * @param claimed       reads the owned, undispatched call-back tickets from PostgreSQL
     * @param holdLease     how long a rebuilt hold lasts before its agent renews it
     */
    public RedisRebuilder(UnifiedJedis redis, DispatchQueue queue, Supplier<List<Ticket>> awaitingAgent,
            Supplier<List<Ticket>> claimed, Clock clock, Duration holdLease) {
        this.redis = redis;
        this.queue = queue;
        this.awaitingAgent = awaitingAgent;
        this.claimed = claimed;
        this.clock = clock;
        this.holdLease = holdLease;
    }

    /**
     * Queues every ticket that awaits an agent, removes queued or leased tickets that no longer do
     * (a Redis restored from an older state), then sets the marker; returns how many are queued.
     */
    public synchronized int rebuild() {
        List<Ticket> tickets = awaitingAgent.get();
        Set<String> awaiting = new HashSet<>();
        for (Ticket t : tickets) {
            queue.enqueue(t);
            awaiting.add(Long.toString(t.id()));
        }
        Set<String> known = new HashSet<>(redis.hkeys(QueueKeys.WHERE));
        known.addAll(redis.zrange(QueueKeys.LEASES, 0, -1));
        int stale = 0;
        for (String id : known) {
            if (!awaiting.contains(id)) {
                queue.remove(Long.parseLong(id));
                stale++;
            }
        }
        if (stale > 0) {
            log.warn("removed {} tickets from the dispatch queues that PostgreSQL says no longer await an agent", stale);
        }
        int holds = rebuildHolds();
        redis.set(QueueKeys.REBUILT, Long.toString(tickets.size()));
        log.info("dispatch queues rebuilt from PostgreSQL: {} tickets await an agent, {} claim holds restored",
                tickets.size(), holds);
        return tickets.size();
    }

    /** Gives every claim being worked that has no hold a fresh one for its owner; returns how many. */
    private int rebuildHolds() {
        Instant until = clock.instant().plus(holdLease);
        int restored = 0;
        for (Ticket t : claimed.get()) {
            if (ClaimHolds.isHeldWork(t) && queue.holdOf(t.id()).isEmpty() && queue.hold(t.id(), t.owner(), until)) {
                restored++;
            }
        }
        return restored;
    }

    /** Rebuilds when the marker is gone (Redis was flushed or is new); returns whether it did. */
    public synchronized boolean rebuildIfLost() {
        if (redis.exists(QueueKeys.REBUILT)) {
            return false;
        }
        log.warn("Redis lost the dispatch queues (flushed or replaced); rebuilding from PostgreSQL");
        rebuild();
        return true;
    }
}
