package org.hotline.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hotline.domain.report.KpiQuery;
import org.hotline.domain.report.TicketFactStore;
import org.hotline.domain.report.TicketFacts;
import org.hotline.domain.ticket.TicketStatus;

/** A {@link TicketFactStore} in memory, for tests of what computes from it. Thread-safe. */
public final class InMemoryTicketFacts implements TicketFactStore {
    private final ConcurrentHashMap<Long, TicketFacts> facts = new ConcurrentHashMap<>();
    private volatile OptionalLong asteriskCalls = OptionalLong.empty();

    public InMemoryTicketFacts put(TicketFacts f) {
        facts.put(f.ticketId(), f);
        return this;
    }

    /** What {@link #callsRecordedByAsterisk} answers for any period. */
    public InMemoryTicketFacts asteriskCalls(long n) {
        asteriskCalls = OptionalLong.of(n);
        return this;
    }

    public List<TicketFacts> all() {
        return new ArrayList<>(facts.values());
    }

    @Override
    public void scan(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each) {
        facts.values().stream().filter(f -> !f.offeredAt().isBefore(from) && f.offeredAt().isBefore(to))
                .filter(query::matches).forEach(each);
    }

    @Override
    public void scanOpen(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each) {
        facts.values().stream().filter(f -> f.offeredAt().isBefore(to))
                .filter(f -> f.reached().get(TicketStatus.CLOSED) == null || !f.reached().get(TicketStatus.CLOSED).isBefore(from))
                .filter(query::matches).forEach(each);
    }

    @Override
    public OptionalLong callsRecordedByAsterisk(Instant from, Instant to) {
        return asteriskCalls;
    }
}
