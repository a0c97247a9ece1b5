package org.hotline.domain.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.hotline.domain.ticket.RequestKind;

/**
 * The counts of the tickets accepted on one local date that share a line, kind, department and
 * answering agent: the finest grain the reports break KPIs down by, which a {@link KpiRollup}
 * keeps summed. An immutable key with its counts (the counts are the caller's to add up).
 *
 * @param key    the slice
 * @param counts the tickets' counts
 */
public record KpiSlice(Key key, KpiCounts counts) {

    public KpiSlice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(counts, "counts");
    }

    /**
     * Which slice a ticket is counted in.
     *
     * @param day        the local date it was accepted on
     * @param line       the line called
     * @param kind       the kind of request, {@code null}: not chosen
     * @param department the responsible department, {@code null}: not dispatched
     * @param agent      the agent from the line's queue who answered, {@code null}: none did
     */
    public record Key(LocalDate day, String line, RequestKind kind, String department, String agent) {
        public Key {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(line, "line");
        }

        /** The slice of {@code f}, its day in {@code zone}. */
        public static Key of(TicketFacts f, ZoneId zone) {
            return new Key(LocalDate.ofInstant(f.offeredAt(), zone), f.line(), f.kind(), f.department(),
                    f.answeredAs() == TicketFacts.AnsweredAs.AGENT ? f.answeredBy() : null);
        }

        /** Whether the tickets of this slice are in the query's dates, line, kind and department. */
        public boolean in(KpiQuery q) {
            return !day.isBefore(q.from()) && !day.isAfter(q.to())
                    && q.line().map(line::equals).orElse(true)
                    && q.kind().map(k -> k == kind).orElse(true)
                    && q.department().map(d -> d.equals(department)).orElse(true);
        }
    }
}
