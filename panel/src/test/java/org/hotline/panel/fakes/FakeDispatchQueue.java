package org.hotline.panel.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.domain.store.Claim;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.QueuedTicket;
import org.hotline.domain.ticket.Ticket;

/** In-memory dispatch queue with leases, ordered by urgency, deadline, age. Thread-safe. */
public final class FakeDispatchQueue implements DispatchQueue {
    private record Entry(String queue, QueuedTicket item, Instant createdAt) {}

    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.item().urgency().ordinal()).reversed()
            .thenComparing(e -> e.item().deadline() == null ? Instant.MAX : e.item().deadline())
            .thenComparing(Entry::createdAt);

    private final Clock clock;
    private final Map<Long, Entry> waiting = new HashMap<>();
    private final Map<Long, Claim> leased = new HashMap<>();
    private final Map<Long, Entry> leasedEntries = new HashMap<>();
    private final Map<Long, org.hotline.domain.store.ClaimHold> holds = new HashMap<>();

    public FakeDispatchQueue(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void enqueue(String queue, Ticket t) {
        if (leased.containsKey(t.id())) {
            return;
        }
        waiting.put(t.id(), new Entry(queue, new QueuedTicket(t.id(), t.urgency(), t.earliestDeadline().orElse(null)), t.createdAt()));
    }

    @Override
    public synchronized Optional<Claim> claim(String agentId, Collection<String> queues, Duration lease) {
        expireLeases();
        Optional<Entry> first = waiting.values().stream().filter(e -> queues.contains(e.queue())).sorted(ORDER).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Entry e = first.get();
        waiting.remove(e.item().ticketId());
        Claim c = new Claim(e.item().ticketId(), e.queue(), agentId, UUID.randomUUID().toString(), clock.instant().plus(lease));
        leased.put(c.ticketId(), c);
        leasedEntries.put(c.ticketId(), e);
        return Optional.of(c);
    }

    @Override
    public synchronized boolean complete(Claim claim) {
        Claim held = leased.get(claim.ticketId());
        if (held == null || !held.token().equals(claim.token())) {
            return false;
        }
        leased.remove(claim.ticketId());
        leasedEntries.remove(claim.ticketId());
        return true;
    }

    @Override
    public synchronized boolean release(Claim claim) {
        Claim held = leased.get(claim.ticketId());
        if (held == null || !held.token().equals(claim.token())) {
            return false;
        }
        leased.remove(claim.ticketId());
        waiting.put(claim.ticketId(), leasedEntries.remove(claim.ticketId()));
        return true;
    }

    @Override
    public synchronized void remove(long ticketId) {
        waiting.remove(ticketId);
        leased.remove(ticketId);
        leasedEntries.remove(ticketId);
    }

    @Override
    public synchronized int expireLeases() {
        Instant now = clock.instant();
        List<Claim> expired = new ArrayList<>(leased.values().stream().filter(c -> !c.leaseUntil().isAfter(now)).toList());
        expired.forEach(this::release);
        return expired.size();
    }

    @Override
    public synchronized List<QueuedTicket> peek(String queue, int max) {
        return waiting.values().stream().filter(e -> e.queue().equals(queue)).sorted(ORDER).limit(max)
                .map(Entry::item).toList();
    }

    @Override
    public synchronized long size(String queue) {
        return waiting.values().stream().filter(e -> e.queue().equals(queue)).count();
    }

    @Override
    public synchronized boolean hold(long ticketId, String agentId, Instant until) {
        org.hotline.domain.store.ClaimHold h = holds.get(ticketId);
        if (h != null && !h.agentId().equals(agentId)) {
            return false;
        }
        holds.put(ticketId, new org.hotline.domain.store.ClaimHold(ticketId, agentId, until));
        return true;
    }

    @Override
    public synchronized Optional<org.hotline.domain.store.ClaimHold> holdOf(long ticketId) {
        return Optional.ofNullable(holds.get(ticketId));
    }

    @Override
    public synchronized void endHold(long ticketId) {
        holds.remove(ticketId);
    }

    @Override
    public synchronized List<org.hotline.domain.store.ClaimHold> takeExpiredHolds(int max) {
        Instant now = clock.instant();
        List<org.hotline.domain.store.ClaimHold> out = holds.values().stream().filter(h -> !h.until().isAfter(now))
                .sorted(Comparator.comparing(org.hotline.domain.store.ClaimHold::until)).limit(max).toList();
        out.forEach(h -> holds.remove(h.ticketId()));
        return out;
    }
}
