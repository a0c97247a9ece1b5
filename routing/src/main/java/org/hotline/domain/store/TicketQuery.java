package org.hotline.domain.store;

import org.hotline.domain.ticket.TicketStatus;
import java.util.Set;

/**
 * Filter for {@link TicketStore#search}. {@code null} / empty components match everything.
 *
 * @param line     line id
 * @param statuses statuses to include (empty: all open states)
 * @param owner    owner user name
 * @param unownedOnly only tickets without an owner
 * @param limit    maximum number of rows (1..1000)
 */
public record TicketQuery(String line, Set<TicketStatus> statuses, String owner, boolean unownedOnly, int limit) {
    public TicketQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
    }

    /** All open tickets, at most {@code limit}. */
    public static TicketQuery open(int limit) {
        return new TicketQuery(null, Set.of(), null, false, limit);
    }

    public TicketQuery withLine(String v) { return new TicketQuery(v, statuses, owner, unownedOnly, limit); }
    public TicketQuery withStatuses(Set<TicketStatus> v) { return new TicketQuery(line, v, owner, unownedOnly, limit); }
    public TicketQuery withOwner(String v) { return new TicketQuery(line, statuses, v, unownedOnly, limit); }
    public TicketQuery withUnownedOnly(boolean v) { return new TicketQuery(line, statuses, owner, v, limit); }
}
