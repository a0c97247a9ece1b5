package org.hotline.domain.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.ticket.RequestKind;

/**
 * What a ticket counts towards in the hot topics: its kind and location on the local date it was
 * accepted. Tickets without a kind (or of the unknown kind) count towards none; a missing location
 * is its own topic. An immutable value.
 *
 * @param day      the local date the ticket was accepted on
 * @param kind     the kind of request
 * @param location the location given, {@code null}: none
 */
public record HotTopicKey(LocalDate day, RequestKind kind, String location) {

    public HotTopicKey {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
    }

    /** The topic {@code f} counts towards, its day in {@code zone}; empty: none. */
    public static Optional<HotTopicKey> of(TicketFacts f, ZoneId zone) {
        if (f.kind() == null || f.kind() == RequestKind.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(new HotTopicKey(LocalDate.ofInstant(f.offeredAt(), zone), f.kind(), f.location()));
    }
}
