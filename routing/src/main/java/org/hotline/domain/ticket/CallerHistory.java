package org.hotline.domain.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A caller's previous tickets (newest first, at most {@link #MAX_PREVIOUS}) and whether the caller
 * is a repeat caller this quarter ({@link RepeatRule}): among the caller's tickets of the current
 * ticket's quarter, the current one included, one repeats another. Shown in the screen pop and on
 * the ticket, counted over what the viewer may see.
 */
public record CallerHistory(String number, List<Ticket> previous, boolean repeat) {
    /** How many previous tickets a history lists. */
    public static final int MAX_PREVIOUS = 20;

    public CallerHistory {
        previous = List.copyOf(previous);
    }

    /**
     * The history computed from what a store found, so every store answers the same way.
     *
     * @param number      the caller's number asked about
     * @param current     the ticket of the call being shown, if known (never listed as previous)
     * @param callerTickets the caller's tickets the viewer may see (by caller or call-back number):
     *                    at least the newest {@link #MAX_PREVIOUS} and all of the quarter of
     *                    {@code current} (or of {@code now}); any order, may include {@code current}
     * @param rule        the repeat rule
     * @param now         the time when no current ticket is known
     */
    public static CallerHistory of(String number, Optional<Ticket> current, List<Ticket> callerTickets, RepeatRule rule,
            Instant now) {
        long currentId = current.map(Ticket::id).orElse(Long.MIN_VALUE);
        List<Ticket> previous = callerTickets.stream().filter(t -> t.id() != currentId)
                .sorted(Comparator.comparing(Ticket::createdAt).thenComparingLong(Ticket::id).reversed())
                .limit(MAX_PREVIOUS).toList();
        Instant quarter = rule.quarterStart(current.map(Ticket::createdAt).orElse(now));
        List<RepeatRule.Contact> thisQuarter = new ArrayList<>();
        current.ifPresent(t -> thisQuarter.add(RepeatRule.Contact.of(t)));
        callerTickets.stream().filter(t -> t.id() != currentId && rule.quarterStart(t.createdAt()).equals(quarter))
                .map(RepeatRule.Contact::of).forEach(thisQuarter::add);
        return new CallerHistory(number, previous, rule.anyRepeat(thisQuarter));
    }
}
