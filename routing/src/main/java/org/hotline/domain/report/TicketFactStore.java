package org.hotline.domain.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The stored facts reports are computed from (PostgreSQL: {@code org.hotline.storage.pg.PgTicketFacts},
 * the rollup {@code ticket_facts} written with every ticket change, and Asterisk's {@code cdr}).
 * Implementations are thread-safe.
 */
public interface TicketFactStore {

    /**
     * Hands {@code each} the facts of every ticket accepted in {@code [from, to)} that
     * {@code query} matches (the store may filter by line, kind and department itself), in no
     * particular order.
     */
    void scan(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each);

    /**
     * Hands {@code each} the facts of every ticket accepted before {@code to} and not closed
     * before {@code from} (closed at or after {@code from}, or still open): those open at some
     * instant of {@code [from, to)}, the backlog. The store may filter by line, kind and
     * department itself; in no particular order.
     */
    void scanOpen(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each);

    /**
     * Calls to a hotline number that Asterisk recorded (its {@code cdr}, one per linkedid) starting in
     * {@code [from, to)}; empty when Asterisk writes no call records here.
     */
    OptionalLong callsRecordedByAsterisk(Instant from, Instant to);

    /**
     * The facts summed per day ({@link KpiRollup}), when this store keeps them counted with
     * {@code rule} (the same instance) and days in {@code zone}; empty: it keeps none, or with
     * another rule or zone, and reports scan the facts instead. The default keeps none.
     */
    default Optional<KpiRollup> rollup(StepRule rule, ZoneId zone) {
        return Optional.empty();
    }

    /**
     * {@code store} without its rollup: every report scans the facts (the direct computation a
     * rollup is checked against).
     */
    static TicketFactStore scanning(TicketFactStore store) {
        return new TicketFactStore() {
            @Override
            public void scan(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each) {
                store.scan(from, to, query, each);
            }

            @Override
            public void scanOpen(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each) {
                store.scanOpen(from, to, query, each);
            }

            @Override
            public OptionalLong callsRecordedByAsterisk(Instant from, Instant to) {
                return store.callsRecordedByAsterisk(from, to);
            }
        };
    }
}
