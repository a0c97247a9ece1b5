package org.hotline.domain.escalation;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.config.ComplaintTier;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;

/**
 * The tiers of complaint line (project, area, company) as configured ({@code lines[].tier}), and
 * what an escalation from one to the next is: a ticket on a tiered line that follows an earlier
 * ticket of the same caller on a line of a lower tier. The link is made automatically when such a
 * call opens its ticket ({@link TierEscalationTicketStore}): the earlier ticket is the caller's
 * newest one of the same quarter on a lower tier ({@link RepeatRule#quarterStart}); an agent can
 * set or correct it ({@link org.hotline.domain.ticket.TicketAction.LinkEarlier}). Immutable;
 * thread-safe.
 */
public final class ComplaintTiers {
    /** Who makes the automatic escalation links. */
    public static final Actor ACTOR = new Actor("tier-escalation", Role.SYSTEM);
    /** How many of a caller's tickets of the quarter are looked through for the one escalated. */
    static final int LOOK_BACK = 200;

    private final Map<String, ComplaintTier> byLine;
    private final RepeatRule rule;

    public ComplaintTiers(Map<String, ComplaintTier> byLine, RepeatRule rule) {
        this.byLine = Map.copyOf(byLine);
        this.rule = rule;
    }

    /** The tiers of the configured lines that have one. */
    public static ComplaintTiers of(List<LineConfig> lines, RepeatRule rule) {
        Map<String, ComplaintTier> m = new LinkedHashMap<>();
        lines.stream().filter(l -> l.tier() != null).forEach(l -> m.put(l.id(), l.tier()));
        return new ComplaintTiers(m, rule);
    }

    /** The tier of a line, empty when it is no tier of complaint line. */
    public Optional<ComplaintTier> tierOf(String line) {
        return Optional.ofNullable(byLine.get(line));
    }

    /** Why a link from {@code later} to {@code earlier} is no escalation, empty when it is one. */
    public Optional<String> whyNotEscalation(Ticket later, Ticket earlier) {
        Optional<ComplaintTier> to = tierOf(later.line());
        Optional<ComplaintTier> from = tierOf(earlier.line());
        if (to.isEmpty()) {
            return Optional.of("ticket " + later.number() + " is on line " + later.line()
                    + ", which is no tier of complaint line");
        }
        if (from.isEmpty()) {
            return Optional.of("ticket " + earlier.number() + " is on line " + earlier.line()
                    + ", which is no tier of complaint line");
        }
        if (!from.get().below(to.get())) {
            return Optional.of("ticket " + earlier.number() + " is on the " + from.get().configName()
                    + " line, not below the " + to.get().configName() + " line of " + later.number());
        }
        return Optional.empty();
    }

    /**
     * The earlier ticket {@code t} escalates, if it is on a tiered line: the caller's newest ticket
     * accepted before it in the same quarter on a line of a lower tier. Empty when there is none.
     */
    public Optional<Ticket> escalated(Ticket t, TicketStore tickets) {
        Optional<ComplaintTier> tier = tierOf(t.line());
        if (tier.isEmpty() || tier.get() == ComplaintTier.PROJECT || t.callerNumber() == null
                || t.callerNumber().isBlank()) {
            return Optional.empty();
        }
        RepeatRule.Contact later = RepeatRule.Contact.of(t);
        TicketQuery q = TicketQuery.any(LOOK_BACK).withStatuses(EnumSet.allOf(TicketStatus.class))
                .withCaller(t.callerNumber()).withCreated(rule.quarterStart(t.createdAt()), null);
        return tickets.search(q, ACTOR).stream()
                .filter(e -> e.id() != t.id() && RepeatRule.Contact.of(e).before(later))
                .filter(e -> tierOf(e.line()).map(from -> from.below(tier.get())).orElse(false))
                .max(Comparator.comparing(Ticket::createdAt).thenComparingLong(Ticket::id));
    }
}
