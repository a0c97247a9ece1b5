package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.report.KpiQuery;
import org.hotline.domain.report.KpiReport;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.ReportBuilder;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.TicketFactStore;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.Classification;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily sums ({@link PgKpiRollup}) on a real PostgreSQL give exactly the reports computed by
 * scanning every fact: over a varied month written through the repository (two lines, four kinds,
 * departments, agents and duty, a DST change and a holiday, tickets accepted in March and
 * re-dispatched, re-kinded or called back in April, deadline steps met, late, overdue and not due
 * yet), as of several instants, with every filter; under concurrent writers of the same tickets;
 * and for facts written before the sums were kept, before and after {@link PgKpiRollup#rollUp}.
 */
class PgKpiRollupIT {
    /** A zone with DST: Sunday 29 March 2026, 02:00 local becomes 03:00. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Actor LIN = new Actor("lin", Role.SUPERVISOR);
    private static final List<String> AGENTS = List.of("lin", "wang", "zhou");
    private static final List<String> DEPARTMENTS = List.of("engineering", "water", "property");
    private static final List<RequestKind> KINDS = List.of(RequestKind.COMPLAINT, RequestKind.INQUIRY,
            RequestKind.REPAIR, RequestKind.SUGGESTION);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-25T08:00:00Z"), BERLIN);
    private final WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.empty(BERLIN)
            .weekdays("08:30-12:00", "13:30-17:30").holiday("2026-03-27", "a holiday in the fixture")
            .makeUpDay("2026-03-28", "its make-up day").calendar(), BERLIN);
    private StorageConfig config;
    private Storage storage;
    /** The rule storage was started with, and the reports count with. */
    private StepRule rule = StepRule.DEFAULTS;

    @BeforeEach
    void start() {
        StorageConfig fresh = StorageFixture.shared().freshConfig();
        // no background roll-up: the tests say when tickets are added to the sums
        config = fresh.withTuning(new StorageConfig.Tuning(fresh.tuning().postgresPoolSize(),
                fresh.tuning().postgresConnectTimeout(), fresh.tuning().redisPoolSize(), fresh.tuning().streamMaxLength(),
                Duration.ofHours(1)));
        storage = Storage.start(config, clock);
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    @Test
    void theSumsGiveTheReportOfEveryFactAsOfAnyInstantAndForEveryFilter() throws Exception {
        writeMonth(new Random(14), 160);
        assertThat(unrolled()).as("some tickets are not in the sums yet").isPositive();
        assertTheSame();
        storage.ticketFacts().rollUp();
        assertThat(unrolled()).isZero();
        assertThat(sumRows()).as("the report reads the sums, not the facts").isPositive();
        assertTheSame();
    }

    @Test
    void concurrentWritersOfTheSameTicketsKeepTheSumsExact() throws Exception {
        clock.set(Instant.parse("2026-03-29T00:30:00Z")); // 01:30 local, half an hour before the DST change
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(call("c." + i, i % 2 == 0 ? "complaints" : "service", "1390000" + (1000 + i % 7)).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> {
                for (int round = 0; round < 30; round++) {
                    storage.ticketFacts().rollUp(); // the roll-up of every instance, among the writers
                }
                return null;
            }));
            for (int w = 0; w < 6; w++) {
                Random r = new Random(w);
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 40; round++) {
                        long id = ids.get(r.nextInt(ids.size()));
                        switch (r.nextInt(4)) {
                            case 0 -> storage.tickets().updateIntake(id, IntakeUpdate.none()
                                    .withKind(KINDS.get(r.nextInt(KINDS.size()))).withLocation("L" + r.nextInt(3))
                                    .withDeadlines(Map.of("dispatch", clock.instant().plus(Duration.ofHours(r.nextInt(48))))));
                            case 1 -> storage.tickets().recordCallOutcome(id, new CallOutcome.Queued("complaints"));
                            case 2 -> storage.tickets().recordCallOutcome(id,
                                    new CallOutcome.Answered(AGENTS.get(r.nextInt(AGENTS.size()))));
                            default -> storage.tickets().recordCallOutcome(id, new CallOutcome.Abandoned());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        clock.set(Instant.parse("2026-03-30T06:00:00Z"));
        assertTheSame();
    }

    @Test
    void factsWrittenBeforeTheSumsWereKeptAreCountedFromTheirRowsUntilRolledUp() throws Exception {
        writeMonth(new Random(16), 60);
        try (Connection c = owner(); Statement s = c.createStatement()) {
            // the state V16 leaves an existing database in: facts, no sums
            s.executeUpdate("DELETE FROM kpi_day_counts");
            s.executeUpdate("DELETE FROM topic_day_counts");
            s.executeUpdate("UPDATE ticket_facts SET rolled = false, undecided_until = NULL");
        }
        assertThat(sumRows()).isZero();
        assertTheSame();

        assertThat(storage.ticketFacts().rollUp()).isEqualTo(60);
        assertThat(storage.ticketFacts().rollUp()).isZero();
        assertThat(unrolled()).isZero();
        assertThat(sumRows()).isPositive();
        assertTheSame();
        // and changes after the roll-up move the contributions it added
        writeMonth(new Random(17), 20);
        assertTheSame();
    }

    @Test
    void aReportWithAnotherRuleThanTheSumsScansTheFacts() {
        StepRule other = (line, kind, step) -> TicketStatus.CLOSED;
        assertThat(storage.ticketFacts().rollup(StepRule.DEFAULTS, BERLIN)).isPresent();
        assertThat(storage.ticketFacts().rollup(other, BERLIN)).isEmpty();
        assertThat(storage.ticketFacts().rollup(StepRule.DEFAULTS, ZoneId.of("Asia/Shanghai"))).isEmpty();
    }

    @Test
    void aStartWithOtherDoneAtCountsTheSumsAgain() {
        writeMonth(new Random(18), 40);
        storage.close();
        // the resolve step now met only by closing: every ticket resolved but not closed counts differently
        StepRule closing = new StepRule() {
            @Override
            public TicketStatus doneAt(String line, RequestKind kind, String step) {
                return step.equals("resolve") ? TicketStatus.CLOSED : StepRule.DEFAULTS.doneAt(line, kind, step);
            }

            @Override
            public String fingerprint() {
                return "resolve=closed";
            }
        };
        storage = Storage.start(config, clock, closing);
        rule = closing;
        KpiQuery month = KpiQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(reports(storage.ticketFacts()).report(month).total().stepsOnTime())
                .as("the rule matters in this fixture")
                .isNotEqualTo(new KpiReports(TicketFactStore.scanning(storage.ticketFacts()), calendar, StepRule.DEFAULTS,
                        clock).report(month).total().stepsOnTime());
        assertTheSame();
        writeMonth(new Random(19), 10);
        assertTheSame();
        // and the same rule again at the next start changes nothing
        storage.close();
        storage = Storage.start(config, clock, closing);
        assertThat(storage.ticketFacts().countWithRule()).isFalse();
        assertTheSame();
    }

    /** Reports from the sums equal those from scanning the facts: several instants, periods and filters. */
    private void assertTheSame() {
        Instant written = clock.instant();
        List<Instant> instants = List.of(Instant.parse("2026-03-28T12:00:00Z"), Instant.parse("2026-03-30T09:00:00Z"),
                Instant.parse("2026-04-02T10:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"), written);
        for (Instant asOf : instants) {
            clock.set(asOf);
            KpiReports rolled = reports(storage.ticketFacts());
            KpiReports scanned = reports(TicketFactStore.scanning(storage.ticketFacts()));
            List<KpiQuery> queries = new ArrayList<>(List.of(
                    KpiQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                    KpiQuery.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)), // 23 hours long
                    KpiQuery.of(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 4, 5)),
                    new KpiQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), Optional.of("service"),
                            Optional.empty(), Optional.empty()),
                    new KpiQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), Optional.empty(),
                            Optional.of(RequestKind.COMPLAINT), Optional.empty()),
                    new KpiQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), Optional.of("complaints"),
                            Optional.of(RequestKind.REPAIR), Optional.of("water"))));
            for (String d : DEPARTMENTS) {
                queries.add(new KpiQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), Optional.empty(),
                        Optional.empty(), Optional.of(d)));
            }
            for (KpiQuery q : queries) {
                KpiReport expected = scanned.report(q);
                assertThat(rolled.report(q)).as("%s as of %s", q, asOf).isEqualTo(expected);
            }
            assertThat(rolled.hotTopics(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 4, 4), 50))
                    .isEqualTo(scanned.hotTopics(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 4, 4), 50));
            assertThat(storage.ticketFacts().rollup(rule, BERLIN)).as("the sums are offered").isPresent();
            assertThat(new ReportBuilder(rolled, storage.tickets()).monthly(YearMonth.of(2026, 3)))
                    .isEqualTo(new ReportBuilder(scanned, storage.tickets()).monthly(YearMonth.of(2026, 3)));
        }
        KpiReport march = reports(storage.ticketFacts()).report(KpiQuery.of(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31)));
        assertThat(march.total().tickets()).as("the fixture is not empty").isPositive();
        clock.set(written);
    }

    /**
     * {@code n} tickets accepted from 26 March to 2 April (local), each taken through a seeded
     * history over the following days: how the call went, its kind, location and deadlines, its
     * dispatch, resolution, call-backs, re-dispatch to another department, a change of kind days
     * later, and its closing.
     */
    private void writeMonth(Random r, int n) {
        Instant first = LocalDateTime.of(2026, 3, 26, 0, 0).atZone(BERLIN).toInstant();
        for (int i = 0; i < n; i++) {
            Instant at = first.plus(Duration.ofMinutes(r.nextInt(8 * 24 * 60)));
            if (i % 10 == 0) {
                at = LocalDateTime.of(2026, 3, 28, 23, 50).atZone(BERLIN).toInstant().plusSeconds(r.nextInt(1200));
            } else if (i % 10 == 1) {
                at = LocalDateTime.of(2026, 3, 31, 23, 40).atZone(BERLIN).toInstant().plusSeconds(r.nextInt(2400));
            }
            clock.set(at);
            String line = r.nextBoolean() ? "complaints" : "service";
            Ticket t = call("m." + r.nextLong() + "." + i, line, "1390000" + (1000 + r.nextInt(30)));
            if (i % 3 == 0 && i < n - 5) { // the last few stay out of the sums
                storage.ticketFacts().rollUp(); // as the maintenance does: this call's later changes move its share
            }
            callGoes(r, t);
            if (i % 3 == 1 && i < n - 5) {
                storage.ticketFacts().rollUp();
            }
            if (r.nextInt(8) == 0) {
                continue; // nothing more known: no kind, no deadlines
            }
            RequestKind kind = KINDS.get(r.nextInt(KINDS.size()));
            Instant accepted = t.createdAt();
            Map<String, Instant> due = Map.of("dispatch", accepted.plus(Duration.ofHours(1 + r.nextInt(6))),
                    "resolve", accepted.plus(Duration.ofHours(12 + r.nextInt(96))));
            clock.advance(Duration.ofSeconds(30));
            t = storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(kind)
                    .withLocation(r.nextInt(5) == 0 ? null : "L" + r.nextInt(4)).withDeadlines(due));
            if (r.nextInt(5) == 0) {
                continue; // never dispatched: its steps fall due unmet
            }
            clock.advance(Duration.ofMinutes(20 + r.nextInt(400)));
            t = apply(t, new TicketAction.Dispatch(DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())), "go"));
            if (kind == RequestKind.COMPLAINT) {
                t = apply(t, new TicketAction.Classify(Classification.VALID, "ours"));
            }
            if (r.nextInt(4) == 0) {
                clock.advance(Duration.ofHours(r.nextInt(30)));
                t = apply(t, new TicketAction.StartProgress("on it"));
            }
            if (r.nextInt(6) == 0) {
                continue; // dispatched, not resolved
            }
            clock.advance(Duration.ofHours(2 + r.nextInt(100)));
            t = apply(t, new TicketAction.Resolve("done", "Zhao"));
            clock.advance(Duration.ofHours(1 + r.nextInt(40)));
            CallbackResult result = List.of(CallbackResult.SATISFIED, CallbackResult.UNSATISFIED,
                    CallbackResult.NO_ANSWER).get(r.nextInt(3));
            t = apply(t, new TicketAction.RecordCallback(result, null));
            if (result == CallbackResult.UNSATISFIED && r.nextBoolean()) {
                clock.advance(Duration.ofHours(r.nextInt(48)));
                t = apply(t, new TicketAction.Redispatch("not fixed", DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()))));
            } else if (result == CallbackResult.SATISFIED && r.nextBoolean()) {
                clock.advance(Duration.ofHours(r.nextInt(10)));
                t = apply(t, new TicketAction.Close("thanks"));
            }
            if (r.nextInt(6) == 0 && t.status().isOpen()) {
                // days later: the kind and location corrected on an old ticket move it to another slice
                clock.advance(Duration.ofDays(1 + r.nextInt(10)));
                storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(KINDS.get(r.nextInt(KINDS.size())))
                        .withLocation("L" + r.nextInt(4)));
            }
        }
    }

    /** The call: answered by an agent from the queue, by duty A or B, by nobody, or given up in the menu or queue. */
    private void callGoes(Random r, Ticket t) {
        switch (r.nextInt(7)) {
            case 0 -> storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Abandoned()); // in the menu
            case 1 -> {
                storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Queued(t.line()));
                clock.advance(Duration.ofSeconds(5 + r.nextInt(60)));
                storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Abandoned());
            }
            case 2 -> {
                storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Forwarded("wang", "13800000001"));
                clock.advance(Duration.ofSeconds(5 + r.nextInt(20)));
                if (r.nextBoolean()) {
                    storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Answered("wang"));
                } else {
                    storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Forwarded("zhao", "13800000003"));
                    clock.advance(Duration.ofSeconds(5 + r.nextInt(20)));
                    storage.tickets().recordCallOutcome(t.id(), r.nextBoolean() ? new CallOutcome.Answered("zhao")
                            : new CallOutcome.NoAnswer());
                }
            }
            default -> {
                storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Queued(t.line()));
                clock.advance(Duration.ofSeconds(1 + r.nextInt(40)));
                storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Answered(AGENTS.get(r.nextInt(AGENTS.size()))));
            }
        }
    }

    private Ticket apply(Ticket t, TicketAction action) {
        Ticket now = storage.tickets().find(t.id()).orElseThrow();
        return storage.tickets().apply(now.id(), now.version(), LIN, action);
    }

    private Ticket call(String linkedid, String line, String caller) {
        return storage.tickets().openForCall(new CallIntake(line, caller, "Wang", "u-" + linkedid, linkedid,
                clock.instant()));
    }

    private KpiReports reports(TicketFactStore facts) {
        return new KpiReports(facts, calendar, rule, clock);
    }

    private long unrolled() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM ticket_facts WHERE NOT rolled")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long sumRows() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM kpi_day_counts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection owner() throws Exception {
        return DriverManager.getConnection(config.postgresUrl(), org.hotline.storage.embedded.EmbeddedPostgresServer.SUPERUSER,
                config.postgresOwnerPassword());
    }
}
