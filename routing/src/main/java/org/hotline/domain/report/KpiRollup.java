package org.hotline.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The stored facts summed per day ahead of time, so a report over a month reads a few thousand
 * rows instead of a row per ticket. Every answer equals what {@link KpiReports} computes by
 * scanning the facts ({@link TicketFactStore#scan}) with the same {@link StepRule}: the sums are
 * kept in the transaction of every fact they count, and what depends on the moment of reading (a
 * deadline step due later is not decided yet) is settled when read. Implementations are
 * thread-safe.
 */
public interface KpiRollup {

    /**
     * The counts at {@code asOf} of the tickets {@code query} selects, per {@link KpiSlice} (slices
     * without tickets left out, in no particular order), and the ids of the tickets whose latest
     * call-back found the caller dissatisfied, or did not reach them: the lowest {@code listLimit}
     * of each, ascending. All read in one snapshot.
     */
    Summary summary(KpiQuery query, Instant asOf, int listLimit);

    /** Tickets accepted on the local dates {@code from} to {@code to} per kind and location (no zero counts). */
    Map<Topic, Long> topics(LocalDate from, LocalDate to);

    /** A kind and location asked about (the hot topics' key without its day). */
    record Topic(org.hotline.domain.ticket.RequestKind kind, String location) {
    }

    /** What {@link #summary} found. */
    record Summary(List<KpiSlice> slices, List<Long> dissatisfied, List<Long> failedCallbacks) {
        public Summary {
            slices = List.copyOf(slices);
            dissatisfied = List.copyOf(dissatisfied);
            failedCallbacks = List.copyOf(failedCallbacks);
        }
    }
}
