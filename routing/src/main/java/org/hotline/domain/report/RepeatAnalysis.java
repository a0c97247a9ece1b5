package org.hotline.domain.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.RequestKind;

/**
 * The quarterly analysis's two lists, computed from the stored facts with {@link RepeatRule}: the
 * repeat callers (each with the tickets that repeat one another) and the repeated repairs (a
 * location repaired {@link RepeatRule#REPEATED_REPAIR} or more times). Every ticket is in it,
 * confidential ones included (with their flag, for whoever shows it). An immutable value.
 *
 * @param repeatCallers   per repeat caller, their tickets joined by repeats, oldest first
 * @param repeatedRepairs per location, its repair requests, most requested location first
 * @param repeatTickets   how many of the repeat callers' tickets repeat an earlier one
 */
public record RepeatAnalysis(List<List<TicketFacts>> repeatCallers, List<List<TicketFacts>> repeatedRepairs,
        long repeatTickets) {

    public RepeatAnalysis {
        repeatCallers = repeatCallers.stream().map(List::copyOf).toList();
        repeatedRepairs = repeatedRepairs.stream().map(List::copyOf).toList();
    }

    /**
     * The analysis of the tickets accepted on {@code from..to} (a quarter; a longer period still
     * pairs repeats only within a quarter). Two reads: the first counts each number's tickets and
     * each repair location's requests, the second keeps only the tickets that can be in a list.
     */
    public static RepeatAnalysis of(TicketFactStore store, RepeatRule rule, LocalDate from, LocalDate to) {
        KpiQuery q = KpiQuery.of(from, to);
        var zone = rule.zone();
        Map<String, Integer> perNumber = new HashMap<>();
        Map<String, Integer> perPlace = new HashMap<>();
        store.scan(q.start(zone), q.end(zone), q, f -> {
            f.contact().numbers().forEach(n -> perNumber.merge(n, 1, Integer::sum));
            if (f.kind() == RequestKind.REPAIR && place(f) != null) {
                perPlace.merge(place(f), 1, Integer::sum);
            }
        });
        Map<Long, TicketFacts> kept = new HashMap<>();
        store.scan(q.start(zone), q.end(zone), q, f -> {
            boolean sharesANumber = f.contact().numbers().stream().anyMatch(n -> perNumber.getOrDefault(n, 0) > 1);
            boolean repairedAgain = f.kind() == RequestKind.REPAIR && place(f) != null
                    && perPlace.getOrDefault(place(f), 0) >= RepeatRule.REPEATED_REPAIR;
            if (sharesANumber || repairedAgain) {
                kept.put(f.ticketId(), f);
            }
        });
        List<RepeatRule.Contact> contacts = kept.values().stream().map(TicketFacts::contact).toList();
        List<List<RepeatRule.Contact>> groups = rule.repeatGroups(contacts);
        long repeats = groups.stream().mapToLong(g -> g.stream().filter(c -> rule.isRepeat(c, g)).count()).sum();
        return new RepeatAnalysis(facts(groups, kept), facts(rule.repeatedRepairs(contacts), kept), repeats);
    }

    private static List<List<TicketFacts>> facts(List<List<RepeatRule.Contact>> groups, Map<Long, TicketFacts> kept) {
        return groups.stream().map(g -> g.stream().map(c -> kept.get(c.ticketId())).toList()).toList();
    }

    private static String place(TicketFacts f) {
        return RepeatRule.place(f.location());
    }
}
