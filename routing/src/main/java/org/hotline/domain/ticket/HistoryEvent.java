package org.hotline.domain.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Collections;

/**
 * One step in a ticket's append-only history: who did what, when, and how the state moved.
 * Stored once and never altered or deleted.
 *
 * @param ticketId  the ticket
 * @param seq       position in the ticket's history, from 1, without gaps
 * @param at        when it happened (the injected clock of the store)
 * @param actor     user name or system name ({@code "ivr"})
 * @param actorRole role the actor acted in
 * @param action    what happened, a stable lower-case name ({@code "opened"}, {@code "dispatch"}, ...)
 * @param fromState state before ({@code null} for the opening event)
 * @param toState   state after
 * @param note      free text (reason, summary), may be {@code null}
 * @param data      structured details (department, owner, deadline ...), string values
 */
public record HistoryEvent(long ticketId, long seq, Instant at, String actor, Role actorRole,
        String action, TicketStatus fromState, TicketStatus toState, String note,
        Map<String, String> data) {
    public HistoryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(toState, "toState");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
    }
}
