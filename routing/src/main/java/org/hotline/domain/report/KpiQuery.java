package org.hotline.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.ticket.RequestKind;

/**
 * Which tickets a KPI computation counts: those accepted on the local dates {@code from} to
 * {@code to} (both included, in the hotline's zone, so a day is 23 or 25 hours long across a
 * DST change), optionally of one line, kind or department.
 */
public record KpiQuery(LocalDate from, LocalDate to, Optional<String> line, Optional<RequestKind> kind,
        Optional<String> department) {

    /** The longest period one computation may cover. */
    public static final int MAX_DAYS = 400;

    public KpiQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("a period of at most " + MAX_DAYS + " days, got " + from + " to " + to);
        }
        line = line == null ? Optional.empty() : line;
        kind = kind == null ? Optional.empty() : kind;
        department = department == null ? Optional.empty() : department;
    }

    /** Every ticket of the dates {@code from} to {@code to}. */
    public static KpiQuery of(LocalDate from, LocalDate to) {
        return new KpiQuery(from, to, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The first instant counted. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether a ticket with these facts is in the query's line, kind and department. */
    public boolean matches(TicketFacts f) {
        return line.map(l -> l.equals(f.line())).orElse(true)
                && kind.map(k -> k == f.kind()).orElse(true)
                && department.map(d -> d.equals(f.department())).orElse(true);
    }
}
