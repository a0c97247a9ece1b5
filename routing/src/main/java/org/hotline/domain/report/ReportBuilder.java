package org.hotline.domain.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;

/**
 * Builds the tables of the scheduled reports from the KPIs ({@link KpiReports}) and the lists the
 * domain keeps for follow-up: dissatisfied callers, failed call-backs, tickets waiting on another
 * department. Lists name every ticket with its confidential flag; who may see which row is
 * decided when the report is shown, not here (the builder reads as a system reader that sees all).
 * Thread-safe.
 */
public final class ReportBuilder {
    /** How many hot topics a report lists. */
    public static final int HOT_TOPICS = 20;
    private static final Actor READER = new Actor("reports", Role.ADMIN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> TICKET_HEADER = List.of("ticket", "accepted", "line", "kind", "location",
            "department", "owner", "status");

    private final KpiReports kpis;
    private final TicketStore tickets;
    private final ZoneId zone;

    public ReportBuilder(KpiReports kpis, TicketStore tickets) {
        this.kpis = kpis;
        this.tickets = tickets;
        this.zone = kpis.zone();
    }

    /** The daily summary of {@code day}. */
    public ReportDocument daily(LocalDate day) {
        KpiReport r = kpis.report(KpiQuery.of(day, day));
        List<ReportDocument.Section> s = new ArrayList<>();
        s.add(summary(r));
        s.add(breakdown("By line", "line", r.byLine()));
        s.add(breakdown("By kind", "kind", r.byKind()));
        lists(s, r);
        return new ReportDocument("Daily summary " + day, s);
    }

    /** The weekly report of the ISO week starting on {@code monday}: hot topics by kind and location. */
    public ReportDocument weekly(LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        KpiReport r = kpis.report(KpiQuery.of(monday, sunday));
        List<ReportDocument.Section> s = new ArrayList<>();
        s.add(hotTopics(monday, sunday, "previous week"));
        s.add(breakdown("By kind", "kind", r.byKind()));
        s.add(summary(r));
        return new ReportDocument("Weekly hot topics " + monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) + " (" + monday + " to " + sunday + ")", s);
    }

    /** The monthly report of {@code month}. */
    public ReportDocument monthly(YearMonth month) {
        KpiReport r = kpis.report(KpiQuery.of(month.atDay(1), month.atEndOfMonth()));
        List<ReportDocument.Section> s = new ArrayList<>();
        s.add(summary(r));
        List<ReportDocument.Row> days = new ArrayList<>();
        for (KpiReport.Day d : r.days()) {
            Kpis k = d.kpis();
            days.add(ReportDocument.Row.of(d.date().toString(), d.workingDay() ? "yes" : "no", n(k.offered()),
                    n(k.answered()), pct(k.serviceLevel()), secs(k.averageSpeedOfAnswerSeconds()),
                    n(k.abandonedInIvr() + k.abandonedInQueue()), n(k.forwardedToDuty()), n(k.tickets())));
        }
        s.add(new ReportDocument.Section("By day", List.of("date", "working day", "offered", "answered",
                "service level (15 s)", "average speed of answer", "abandoned", "forwarded to duty", "tickets"), days));
        s.add(breakdown("By line", "line", r.byLine()));
        s.add(breakdown("By kind", "kind", r.byKind()));
        s.add(breakdown("By department", "department", r.byDepartment()));
        s.add(breakdown("By agent", "agent", r.byAgent()));
        s.add(hotTopics(month.atDay(1), month.atEndOfMonth(), "previous period"));
        lists(s, r);
        return new ReportDocument("Monthly report " + month, s);
    }

    /**
     * The quarterly analysis of the quarter starting on {@code firstDay}: repeat callers with
     * their tickets, and repeated repairs ({@link RepeatAnalysis}). The counts include every
     * ticket; each listed row names its ticket (and whether it is confidential), at most
     * {@link KpiReports#LIST_LIMIT} rows per list.
     */
    public ReportDocument quarterly(LocalDate firstDay) {
        LocalDate last = firstDay.plusMonths(3).minusDays(1);
        RepeatAnalysis a = kpis.repeats(firstDay, last);
        Kpis k = kpis.report(KpiQuery.of(firstDay, last)).total();
        List<ReportDocument.Section> s = new ArrayList<>();
        s.add(new ReportDocument.Section("Summary", List.of("indicator", "value"), List.of(
                ReportDocument.Row.of("period", firstDay + " to " + last),
                ReportDocument.Row.of("tickets", n(k.tickets())),
                ReportDocument.Row.of("repeat callers (the same issue twice or more)", n(a.repeatCallers().size())),
                ReportDocument.Row.of("their tickets", n(a.repeatCallers().stream().mapToLong(List::size).sum())
                        + " (" + a.repeatTickets() + " repeats)"),
                ReportDocument.Row.of("repeat complaint rate", pct(k.repeatComplaintRate()) + " of " + k.complaints()
                        + " complaints"),
                ReportDocument.Row.of("locations repaired " + org.hotline.domain.ticket.RepeatRule.REPEATED_REPAIR
                        + " times or more", n(a.repeatedRepairs().size())),
                ReportDocument.Row.of("their repair requests",
                        n(a.repeatedRepairs().stream().mapToLong(List::size).sum())))));
        List<ReportDocument.Row> callers = new ArrayList<>();
        int g = 0;
        for (List<TicketFacts> group : a.repeatCallers()) {
            g++;
            for (TicketFacts f : group) {
                if (callers.size() < KpiReports.LIST_LIMIT) {
                    // every cell from the row's own ticket: a viewer who may not see a tip-off of the
                    // group sees the other rows, never the tip-off's numbers
                    groupRow(callers, f, "#" + g, String.join(" / ", f.contact().numbers().stream().sorted().toList()),
                            linkedNumber(f));
                }
            }
        }
        s.add(new ReportDocument.Section("Repeat callers", header("caller", "numbers", "linked to"), callers));
        List<ReportDocument.Row> repairs = new ArrayList<>();
        for (List<TicketFacts> group : a.repeatedRepairs()) {
            for (TicketFacts f : group) {
                if (repairs.size() < KpiReports.LIST_LIMIT) {
                    groupRow(repairs, f, group.get(0).location(), n(group.size()), f.callerNumber());
                }
            }
        }
        s.add(new ReportDocument.Section("Repeated repairs", header("repaired location", "repairs", "caller"), repairs));
        return new ReportDocument("Quarterly analysis " + firstDay.getYear() + "-Q" + firstDay.get(IsoFields.QUARTER_OF_YEAR)
                + " (" + firstDay + " to " + last + ")", s);
    }

    private static List<String> header(String first, String second, String last) {
        List<String> h = new ArrayList<>(List.of(first, second));
        h.addAll(TICKET_HEADER);
        h.add(last);
        return h;
    }

    /** A row of a list of groups: the group's two cells, the ticket's cells, one more; confidential as the ticket. */
    private void groupRow(List<ReportDocument.Row> rows, TicketFacts f, String first, String second, String last) {
        tickets.find(f.ticketId()).map(this::row).ifPresent(r -> {
            List<String> cells = new ArrayList<>(List.of(first, second));
            cells.addAll(r.cells());
            cells.add(last);
            rows.add(new ReportDocument.Row(cells, r.ticketId(), r.confidential() || f.confidential()));
        });
    }

    /** The number of the ticket {@code f} is linked to; blank when there is none or it is confidential. */
    private String linkedNumber(TicketFacts f) {
        return f.linkedTo() == null ? "" : tickets.find(f.linkedTo()).filter(t -> !t.confidential()).map(Ticket::number)
                .orElse("");
    }

    private ReportDocument.Section summary(KpiReport r) {
        Kpis k = r.total();
        List<ReportDocument.Row> rows = new ArrayList<>();
        rows.add(ReportDocument.Row.of("period", r.query().from() + " to " + r.query().to()));
        rows.add(ReportDocument.Row.of("working days", n(r.workingDays())));
        rows.add(ReportDocument.Row.of("calls offered", n(k.offered())));
        rows.add(ReportDocument.Row.of("calls in Asterisk's records (all lines)",
                r.asteriskCallRecords().isPresent() ? n(r.asteriskCallRecords().getAsLong()) : "not kept"));
        rows.add(ReportDocument.Row.of("answered", n(k.answered()) + " (" + pct(k.answerRate()) + ")"));
        rows.add(ReportDocument.Row.of("answered within 15 s", n(k.answeredWithin15s()) + " (service level "
                + pct(k.serviceLevel()) + ")"));
        rows.add(ReportDocument.Row.of("average speed of answer", secs(k.averageSpeedOfAnswerSeconds())));
        rows.add(ReportDocument.Row.of("abandoned in the menu", n(k.abandonedInIvr())));
        rows.add(ReportDocument.Row.of("abandoned waiting for a person", n(k.abandonedInQueue())));
        rows.add(ReportDocument.Row.of("forwarded to duty", n(k.forwardedToDuty()) + " (A " + k.answeredByDutyA() + ", B "
                + k.answeredByDutyB() + ", nobody " + k.answeredByNobody() + ")"));
        rows.add(ReportDocument.Row.of("missed (service down)", n(k.missed())));
        rows.add(ReportDocument.Row.of("tickets", n(k.tickets())));
        rows.add(ReportDocument.Row.of("timely handling rate", pct(k.timelyHandlingRate()) + " of " + k.stepsDecided()
                + " deadline steps"));
        rows.add(ReportDocument.Row.of("delay rate", pct(k.delayRate()) + " of " + k.ticketsDecided() + " tickets"));
        rows.add(ReportDocument.Row.of("re-dispatch rate", pct(k.redispatchRate()) + " of " + k.dispatched() + " dispatched"));
        rows.add(ReportDocument.Row.of("repeat complaint rate", pct(k.repeatComplaintRate()) + " of " + k.complaints()
                + " complaints"));
        rows.add(ReportDocument.Row.of("call-backs attempted", n(k.callbacksAttempted()) + " of " + k.callbacksRequired()
                + " required (" + pct(k.callbackAttemptRate()) + ")"));
        rows.add(ReportDocument.Row.of("call-backs reached", n(k.callbacksReached()) + " (" + pct(k.callbackReachRate()) + ")"));
        rows.add(ReportDocument.Row.of("satisfaction rate", pct(k.satisfactionRate()) + " of " + k.callbacksReached()
                + " reached"));
        return new ReportDocument.Section("Summary", List.of("indicator", "value"), rows);
    }

    private static ReportDocument.Section breakdown(String title, String key, Map<String, Kpis> byKey) {
        List<ReportDocument.Row> rows = new ArrayList<>();
        byKey.forEach((k, v) -> rows.add(ReportDocument.Row.of(k, n(v.offered()), n(v.answered()), pct(v.serviceLevel()),
                secs(v.averageSpeedOfAnswerSeconds()), n(v.tickets()), pct(v.timelyHandlingRate()), pct(v.delayRate()),
                pct(v.redispatchRate()), pct(v.satisfactionRate()))));
        return new ReportDocument.Section(title, List.of(key, "offered", "answered", "service level (15 s)",
                "average speed of answer", "tickets", "timely handling", "delay", "re-dispatch", "satisfaction"), rows);
    }

    private ReportDocument.Section hotTopics(LocalDate from, LocalDate to, String previous) {
        List<ReportDocument.Row> rows = new ArrayList<>();
        for (KpiReports.HotTopic t : kpis.hotTopics(from, to, HOT_TOPICS)) {
            rows.add(ReportDocument.Row.of(t.kind().name().toLowerCase(Locale.ROOT), t.location() == null ? "(none)"
                    : t.location(), n(t.calls()), n(t.previousCalls())));
        }
        return new ReportDocument.Section("Hot topics by kind and location", List.of("kind", "location", "tickets",
                previous), rows);
    }

    private void lists(List<ReportDocument.Section> s, KpiReport r) {
        s.add(new ReportDocument.Section("Dissatisfied callers", TICKET_HEADER, rows(r.dissatisfied())));
        s.add(new ReportDocument.Section("Failed call-backs", TICKET_HEADER, rows(r.failedCallbacks())));
        List<Ticket> waiting = tickets.search(new TicketQuery(null, Set.of(TicketStatus.DISPATCHED,
                TicketStatus.IN_PROGRESS), null, false, KpiReports.LIST_LIMIT), READER);
        s.add(new ReportDocument.Section("Waiting on another department (now)", TICKET_HEADER,
                waiting.stream().filter(t -> t.department() != null).map(this::row).toList()));
    }

    private List<ReportDocument.Row> rows(List<Long> ids) {
        return tickets.findAll(ids).stream().map(this::row).toList();
    }

    private ReportDocument.Row row(Ticket t) {
        return new ReportDocument.Row(List.of(t.number(), TIME.format(t.createdAt().atZone(zone)), t.line(),
                t.kind() == null ? "" : t.kind().name().toLowerCase(Locale.ROOT), t.location() == null ? "" : t.location(),
                t.department() == null ? "" : t.department(), t.owner() == null ? "" : t.owner(),
                t.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')), t.id(), t.confidential());
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static String pct(Double rate) {
        return rate == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String secs(Double s) {
        return s == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", s);
    }
}
