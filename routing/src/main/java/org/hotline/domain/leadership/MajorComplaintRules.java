package org.hotline.domain.leadership;

import java.util.Optional;
import java.util.Set;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;

/**
 * When the system itself flags a major complaint: a ticket whose kind is one of {@code kinds}
 * (for example the urgent kind), or, with {@code repeatCaller}, a complaint from a repeat caller:
 * the same caller with the same issue again this quarter, as {@link RepeatRule} defines it.
 */
public record MajorComplaintRules(Set<RequestKind> kinds, boolean repeatCaller) {
    public MajorComplaintRules {
        kinds = Set.copyOf(kinds);
    }

    /** The default: urgent requests and repeat callers' complaints. */
    public static MajorComplaintRules defaults() {
        return new MajorComplaintRules(Set.of(RequestKind.URGENT), true);
    }

    /** Why {@code t} is a major complaint by these rules, if it is. */
    public Optional<String> reason(Ticket t, TicketStore tickets) {
        if (t.kind() != null && kinds.contains(t.kind())) {
            return Optional.of("the kind of request is " + t.kind().configName());
        }
        if (repeatCaller && t.kind() == RequestKind.COMPLAINT && t.callerNumber() != null
                && tickets.callerHistory(t.callerNumber(), t.id()).repeat()) {
            return Optional.of("a repeat caller: the same issue twice or more this quarter");
        }
        return Optional.empty();
    }
}
