package org.hotline.domain.leadership;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;

/**
 * When the system itself flags a major complaint: a ticket whose kind is one of {@code kinds}
 * (for example the urgent kind), or, with {@code repeatCaller}, a complaint from a caller who
 * complained within {@code repeatWindow} before.
 */
public record MajorComplaintRules(Set<RequestKind> kinds, boolean repeatCaller, Duration repeatWindow) {
    public MajorComplaintRules {
        kinds = Set.copyOf(kinds);
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("the repeat window cannot be negative");
        }
    }

    /** The default: urgent requests and repeat complainants within 30 days. */
    public static MajorComplaintRules defaults() {
        return new MajorComplaintRules(Set.of(RequestKind.URGENT), true, Duration.ofDays(30));
    }

    /** Why {@code t} is a major complaint by these rules, if it is. */
    public Optional<String> reason(Ticket t, TicketStore tickets) {
        if (t.kind() != null && kinds.contains(t.kind())) {
            return Optional.of("the kind of request is " + t.kind().configName());
        }
        if (repeatCaller && t.kind() == RequestKind.COMPLAINT && t.callerNumber() != null
                && tickets.callerHistory(t.callerNumber(), repeatWindow, RequestKind.COMPLAINT, t.id()).repeat()) {
            return Optional.of("the caller complained before within " + repeatWindow.toDays() + " days");
        }
        return Optional.empty();
    }
}
