package org.hotline.domain.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;

/**
 * Filter for {@link TicketStore#search}, newest first ({@code createdAt}, then id, descending).
 * {@code null} / empty components match everything. {@link #matches} is the rule in Java; the
 * PostgreSQL store's SQL says the same.
 *
 * @param line        line id
 * @param statuses    statuses to include (empty: all open states)
 * @param owner       owner user name
 * @param unownedOnly only tickets without an owner
 * @param limit       maximum number of rows (1..1000)
 * @param number      the ticket number ({@code HL-2026-000042}), exactly
 * @param caller      the caller's number or the callback number, exactly
 * @param kind        kind of request
 * @param department  the department it was dispatched to
 * @param createdFrom created at or after
 * @param createdTo   created before
 * @param text        words in the description or the location (case-insensitive substring)
 * @param before      keyset cursor: only tickets older than this one in the sort order (stable
 *                    under inserts: new tickets come first and never shift a later page)
 */
public record TicketQuery(String line, Set<TicketStatus> statuses, String owner, boolean unownedOnly, int limit,
                          String number, String caller, RequestKind kind, String department, Instant createdFrom,
                          Instant createdTo, String text, Cursor before) {

    /** A position in the newest-first order: the last ticket of a page. */
    public record Cursor(Instant createdAt, long id) {
        public static Cursor of(Ticket t) {
            return new Cursor(t.createdAt(), t.id());
        }
    }

    public TicketQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        text = text == null || text.isBlank() ? null : text.trim();
    }

    public TicketQuery(String line, Set<TicketStatus> statuses, String owner, boolean unownedOnly, int limit) {
        this(line, statuses, owner, unownedOnly, limit, null, null, null, null, null, null, null, null);
    }

    /** All open tickets, at most {@code limit}. */
    public static TicketQuery open(int limit) {
        return new TicketQuery(null, Set.of(), null, false, limit);
    }

    /** Every ticket, open or closed, at most {@code limit} (narrow it with the {@code with} methods). */
    public static TicketQuery any(int limit) {
        return open(limit).withStatuses(java.util.EnumSet.allOf(TicketStatus.class));
    }

    /** Whether {@code t} passes every filter and the cursor (visibility is the store's job). */
    public boolean matches(Ticket t) {
        return (statuses.isEmpty() ? t.status().isOpen() : statuses.contains(t.status()))
                && (line == null || line.equals(t.line()))
                && (owner == null || owner.equals(t.owner()))
                && (!unownedOnly || t.owner() == null)
                && (number == null || number.equals(t.number()))
                && (caller == null || caller.equals(t.callerNumber()) || caller.equals(t.callbackNumber()))
                && (kind == null || kind == t.kind())
                && (department == null || department.equals(t.department()))
                && (createdFrom == null || !t.createdAt().isBefore(createdFrom))
                && (createdTo == null || t.createdAt().isBefore(createdTo))
                && (text == null || contains(t.description(), text) || contains(t.location(), text))
                && (before == null || t.createdAt().isBefore(before.createdAt())
                        || (t.createdAt().equals(before.createdAt()) && t.id() < before.id()));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    public TicketQuery withLine(String v) { return new TicketQuery(v, statuses, owner, unownedOnly, limit, number, caller, kind, department, createdFrom, createdTo, text, before); }
    public TicketQuery withStatuses(Set<TicketStatus> v) { return new TicketQuery(line, v, owner, unownedOnly, limit, number, caller, kind, department, createdFrom, createdTo, text, before); }
    public TicketQuery withOwner(String v) { return new TicketQuery(line, statuses, v, unownedOnly, limit, number, caller, kind, department, createdFrom, createdTo, text, before); }
    public TicketQuery withUnownedOnly(boolean v) { return new TicketQuery(line, statuses, owner, v, limit, number, caller, kind, department, createdFrom, createdTo, text, before); }
    public TicketQuery withLimit(int v) { return new TicketQuery(line, statuses, owner, unownedOnly, v, number, caller, kind, department, createdFrom, createdTo, text, before); }
    public TicketQuery withNumber(String v) { return new TicketQuery(line, statuses, owner, unownedOnly, limit, v, caller, kind, department, createdFrom, createdTo, text, before); }
    public TicketQuery withCaller(String v) { return new TicketQuery(line, statuses, owner, unownedOnly, limit, number, v, kind, department, createdFrom, createdTo, text, before); }
    public TicketQuery withKind(RequestKind v) { return new TicketQuery(line, statuses, owner, unownedOnly, limit, number, caller, v, department, createdFrom, createdTo, text, before); }
    public TicketQuery withDepartment(String v) { return new TicketQuery(line, statuses, owner, unownedOnly, limit, number, caller, kind, v, createdFrom, createdTo, text, before); }
    public TicketQuery withCreated(Instant from, Instant to) { return new TicketQuery(line, statuses, owner, unownedOnly, limit, number, caller, kind, department, from, to, text, before); }
    public TicketQuery withText(String v) { return new TicketQuery(line, statuses, owner, unownedOnly, limit, number, caller, kind, department, createdFrom, createdTo, v, before); }
    public TicketQuery withBefore(Cursor v) { return new TicketQuery(line, statuses, owner, unownedOnly, limit, number, caller, kind, department, createdFrom, createdTo, text, v); }
}
