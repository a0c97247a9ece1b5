package org.hotline.domain.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The domain's repeat rules, written once (see {@code routing/KPIS.md}, "Repeats"): the screen
 * pop's repeat flag, the stored {@code is_repeat} fact behind the repeat-complaint rate and the
 * quarterly analysis all ask this class.
 *
 * <ul>
 *   <li><b>Same caller</b>: the two contacts share a number, the caller ID or the confirmed
 *       call-back number (a caller who rings from another phone but gives the same call-back
 *       number is the same caller).</li>
 *   <li><b>Same issue</b>: the later ticket is {@link Ticket#linkedTo linked} to the earlier one
 *       (by an agent, or as the caller's escalation to the next complaint tier), or both have the
 *       same known kind and the same location (compared without case and surrounding blanks). A
 *       ticket without a location, or of no or the unknown kind, is the same issue as another
 *       only by a link.</li>
 *   <li><b>Repeat</b>: a ticket is a repeat when the same caller had an earlier ticket about the
 *       same issue in the same calendar quarter (local time in {@link #zone}). A caller with a
 *       repeat in a quarter is a repeat caller of that quarter.</li>
 *   <li><b>Repeated repair</b>: {@link #REPEATED_REPAIR} or more repair requests for the same
 *       location in one quarter, whoever called.</li>
 * </ul>
 * An immutable value; thread-safe.
 */
public record RepeatRule(ZoneId zone) {
    /** How many repair requests for one location in a quarter make it a repeated repair. */
    public static final int REPEATED_REPAIR = 3;

    public RepeatRule {
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * What the rule reads of a ticket (a {@link Ticket} or the reports' stored facts).
     *
     * @param ticketId       the ticket
     * @param at             when it was accepted
     * @param callerNumber   caller ID, may be {@code null}
     * @param callbackNumber confirmed call-back number, may be {@code null}
     * @param kind           kind of request, may be {@code null}
     * @param location       location given, may be {@code null}
     * @param linkedTo       the earlier ticket it is linked to, {@code null} if none
     */
    public record Contact(long ticketId, Instant at, String callerNumber, String callbackNumber, RequestKind kind,
            String location, Long linkedTo) {
        public Contact {
            Objects.requireNonNull(at, "at");
        }

        public static Contact of(Ticket t) {
            return new Contact(t.id(), t.createdAt(), t.callerNumber(), t.callbackNumber(), t.kind(), t.location(),
                    t.linkedTo());
        }

        /** The caller's numbers on this ticket (non-blank, trimmed). */
        public Set<String> numbers() {
            return Stream.of(callerNumber, callbackNumber).filter(n -> n != null && !n.isBlank()).map(String::strip)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        /** Whether this ticket was accepted before {@code other} (ties broken by id). */
        public boolean before(Contact other) {
            int c = at.compareTo(other.at);
            return c < 0 || (c == 0 && ticketId < other.ticketId);
        }
    }

    /** Whether the two tickets come from the same caller: they share a number. */
    public static boolean sameCaller(Contact a, Contact b) {
        Set<String> na = a.numbers();
        return b.numbers().stream().anyMatch(na::contains);
    }

    /** Whether {@code later} is about the same issue as {@code earlier}: linked to it, or the same kind and location. */
    public static boolean sameIssue(Contact later, Contact earlier) {
        if (later.linkedTo() != null && later.linkedTo() == earlier.ticketId()) {
            return true;
        }
        String where = place(later.location());
        return later.kind() != null && later.kind() != RequestKind.UNKNOWN && later.kind() == earlier.kind()
                && where != null && where.equals(place(earlier.location()));
    }

    /** The first instant of the calendar quarter {@code at} falls in. */
    public Instant quarterStart(Instant at) {
        return quarterOf(LocalDate.ofInstant(at, zone)).atStartOfDay(zone).toInstant();
    }

    /** The first day of the calendar quarter of {@code day}. */
    public static LocalDate quarterOf(LocalDate day) {
        return day.with(IsoFields.DAY_OF_QUARTER, 1);
    }

    /** Whether {@code later} is a repeat of {@code earlier}: earlier, same quarter, same caller, same issue. */
    public boolean repeats(Contact later, Contact earlier) {
        return earlier.before(later) && quarterStart(earlier.at()).equals(quarterStart(later.at()))
                && sameCaller(later, earlier) && sameIssue(later, earlier);
    }

    /** Whether {@code c} repeats any of {@code others} (which may include {@code c} itself and later tickets). */
    public boolean isRepeat(Contact c, Collection<Contact> others) {
        return others.stream().anyMatch(o -> repeats(c, o));
    }

    /** Whether any of {@code contacts} repeats another of them: the caller is a repeat caller. */
    public boolean anyRepeat(Collection<Contact> contacts) {
        return contacts.stream().anyMatch(c -> isRepeat(c, contacts));
    }

    /**
     * The repeat callers among {@code contacts}: each group is one caller's tickets joined by
     * repeats (a ticket, the earlier ones it repeats, and so on), oldest first; groups ordered by
     * their first ticket. Tickets that repeat nothing and are repeated by nothing are left out.
     */
    public List<List<Contact>> repeatGroups(Collection<Contact> contacts) {
        List<Contact> sorted = contacts.stream().sorted(ORDER).toList();
        Map<String, List<Integer>> byNumber = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (String n : sorted.get(i).numbers()) {
                byNumber.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
            }
        }
        int[] parent = new int[sorted.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        boolean[] joined = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Contact later = sorted.get(i);
            java.util.Set<Integer> candidates = new java.util.TreeSet<>();
            later.numbers().forEach(n -> candidates.addAll(byNumber.get(n)));
            for (int j : candidates) {
                if (j < i && repeats(later, sorted.get(j))) {
                    parent[find(parent, i)] = find(parent, j);
                    joined[i] = true;
                    joined[j] = true;
                }
            }
        }
        Map<Integer, List<Contact>> groups = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (joined[i]) {
                groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(sorted.get(i));
            }
        }
        return groups.values().stream().sorted(Comparator.comparing(g -> g.get(0), ORDER)).map(List::copyOf).toList();
    }

    /**
     * The repeated repairs among {@code contacts}: per location (as first written), the repair
     * requests of one quarter when there are {@link #REPEATED_REPAIR} or more, oldest first; the
     * most requested location first (ties by location).
     */
    public List<List<Contact>> repeatedRepairs(Collection<Contact> contacts) {
        Map<List<Object>, List<Contact>> byPlace = new LinkedHashMap<>();
        contacts.stream().sorted(ORDER).filter(c -> c.kind() == RequestKind.REPAIR && place(c.location()) != null)
                .forEach(c -> byPlace.computeIfAbsent(List.of(quarterStart(c.at()), place(c.location())),
                        k -> new ArrayList<>()).add(c));
        return byPlace.values().stream().filter(g -> g.size() >= REPEATED_REPAIR)
                .sorted(Comparator.<List<Contact>>comparingInt(List::size).reversed()
                        .thenComparing(g -> place(g.get(0).location())))
                .map(List::copyOf).toList();
    }

    private static final Comparator<Contact> ORDER = Comparator.comparing(Contact::at).thenComparingLong(Contact::ticketId);

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** A location as compared: trimmed, lower case; {@code null} when blank. */
    public static String place(String location) {
        return location == null || location.isBlank() ? null : location.strip().toLowerCase(Locale.ROOT);
    }
}
