package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.report.KpiQuery;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.Kpis;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.RepeatAnalysis;
import org.hotline.domain.report.TicketFacts;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.embedded.EmbeddedPostgresServer;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollup {@code ticket_facts} on a real PostgreSQL: written with every ticket change by the
 * repository, equal to the facts folded from the stored history, read back by the KPIs, with
 * repeat detection and Asterisk's call records.
 */
class PgTicketFactsIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CDR_PASSWORD = "facts-it";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:30:00Z"), SHANGHAI); // 09:30 local
    private StorageConfig config;
    private Storage storage;
    private PgTicketFacts facts;

    @BeforeEach
    void start() {
        config = StorageFixture.shared().freshConfig().withCdrPassword(CDR_PASSWORD);
        storage = Storage.start(config, clock);
        facts = storage.ticketFacts();
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    private Ticket call(String linkedid, String caller) {
        return storage.tickets().openForCall(new CallIntake("complaints", caller, "Wang", "u-" + linkedid, linkedid,
                clock.instant()));
    }

    @Test
    void intakeWritesTheOpenedFactsAndEveryChangeFoldsIntoThem() {
        Ticket t = call("1.1", "13900000001");
        assertThat(facts.find(t.id())).contains(TicketFacts.opened(t));

        clock.advance(Duration.ofSeconds(20));
        storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT).withLocation("1201")
                .withDeadlines(Map.of("dispatch", Instant.parse("2026-03-02T05:15:00Z"))));
        clock.advance(Duration.ofSeconds(5));
        storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Queued("complaints"));
        Instant queuedAt = clock.instant();
        clock.advance(Duration.ofSeconds(9));
        storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Answered("lin"));
        clock.advance(Duration.ofSeconds(30));
        storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Answered("lin")); // reported again by AMI
        clock.advance(Duration.ofMinutes(30));
        Ticket now = storage.tickets().find(t.id()).orElseThrow();
        Ticket dispatched = storage.tickets().apply(t.id(), now.version(), new Actor("lin", Role.AGENT),
                new TicketAction.Dispatch("engineering", "leaking pipe"));

        TicketFacts f = facts.find(t.id()).orElseThrow();
        assertThat(f.ringAt()).isEqualTo(queuedAt);
        assertThat(f.waitForAnswer()).isEqualTo(Duration.ofSeconds(9));
        assertThat(f.answeredAs()).isEqualTo(TicketFacts.AnsweredAs.AGENT);
        assertThat(f.answeredBy()).isEqualTo("lin");
        assertThat(f.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(f.department()).isEqualTo("engineering");
        assertThat(f.reached()).containsEntry(TicketStatus.DISPATCHED, dispatched.updatedAt());
        assertThat(f.deadlines()).containsEntry("dispatch", Instant.parse("2026-03-02T05:15:00Z"));
        // the rows written change by change equal the facts folded from the stored history
        assertThat(f).isEqualTo(TicketFacts.replay(dispatched, storage.tickets().history(t.id())));
    }

    @Test
    void theWallboardCountsFromTheFactsAgreeWithThemselvesWhateverIsReportedTwice() {
        for (int i = 0; i < 4; i++) {
            Ticket t = call("w." + i, "1390000001" + i);
            storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Queued("complaints"));
            clock.advance(Duration.ofSeconds(3));
            for (int repeat = 0; repeat < 5; repeat++) { // the flow and AMI both report the answer
                storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Answered("lin"));
            }
        }
        Ticket gaveUp = call("w.gone", "13900000099");
        storage.tickets().recordCallOutcome(gaveUp.id(), new CallOutcome.Queued("complaints"));
        storage.tickets().recordCallOutcome(gaveUp.id(), new CallOutcome.Abandoned());
        call("w.again", "13900000099");
        storage.tickets().openForCall(new CallIntake("complaints", "13900000099", "Wang", "u-w.again", "w.again",
                clock.instant())); // a retried intake: the same ticket

        Kpis today = reports().todaySoFar();
        assertThat(today.offered()).isEqualTo(6);
        assertThat(today.answered()).isEqualTo(4);
        assertThat(today.abandonedInQueue()).isEqualTo(1);
        assertThat(today.answeredWithin15s()).isEqualTo(4);
        assertThat(today.answered() + today.abandonedInIvr() + today.abandonedInQueue()).isLessThanOrEqualTo(today.offered());
    }

    @Test
    void theSameCallerWithTheSameKindAndLocationInTheSameQuarterIsARepeat() {
        Ticket first = complaint("r.1", "13900000001", "1201");
        clock.set(Instant.parse("2026-03-20T02:00:00Z"));
        Ticket again = complaint("r.2", "13900000001", "1201");
        Ticket elsewhere = complaint("r.3", "13900000001", "0307");
        clock.set(Instant.parse("2026-04-01T02:00:00Z")); // a new quarter
        Ticket nextQuarter = complaint("r.4", "13900000001", "1201");

        assertThat(facts.find(first.id()).orElseThrow().repeat()).isFalse();
        assertThat(facts.find(again.id()).orElseThrow().repeat()).isTrue();
        assertThat(facts.find(elsewhere.id()).orElseThrow().repeat()).isFalse();
        assertThat(facts.find(nextQuarter.id()).orElseThrow().repeat()).isFalse();
        Kpis march = reports().report(KpiQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).total();
        assertThat(march.complaints()).isEqualTo(3);
        assertThat(march.repeatComplaints()).isEqualTo(1);
    }

    @Test
    void aCallBackNumberMakesTheSameCallerAndALinkMakesTheSameIssue() {
        Ticket first = complaint("s.1", "13900000001", "1201");
        clock.advance(Duration.ofDays(1));
        Ticket otherPhone = complaint("s.2", "13700000000", "1201");
        assertThat(facts.find(otherPhone.id()).orElseThrow().repeat()).isFalse();
        otherPhone = storage.tickets().updateIntake(otherPhone.id(),
                IntakeUpdate.none().withCallbackNumber("13900000001"));
        assertThat(facts.find(otherPhone.id()).orElseThrow().repeat()).as("the same call-back number").isTrue();

        clock.advance(Duration.ofDays(1));
        Ticket repair = call("s.3", "13900000001");
        repair = storage.tickets().updateIntake(repair.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR));
        assertThat(facts.find(repair.id()).orElseThrow().repeat()).isFalse();
        Actor sue = new Actor("sue", org.hotline.domain.ticket.Role.SUPERVISOR);
        repair = storage.tickets().apply(repair.id(), repair.version(), sue,
                new TicketAction.LinkEarlier(first, org.hotline.domain.ticket.LinkReason.SAME_ISSUE, "the same leak"));
        TicketFacts linked = facts.find(repair.id()).orElseThrow();
        assertThat(linked.linkedTo()).isEqualTo(first.id());
        assertThat(linked.repeat()).as("linked by an agent").isTrue();
    }

    @Test
    void whenAnEarlierTicketGetsTheSameIssueLaterTheCallersLaterTicketBecomesARepeatAndStopsBeingOne() {
        Ticket first = call("e.1", "13900000001");
        clock.advance(Duration.ofHours(2));
        Ticket second = complaint("e.2", "13900000001", "1201");
        assertThat(facts.find(second.id()).orElseThrow().repeat()).isFalse();
        storage.tickets().updateIntake(first.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT).withLocation("1201"));
        assertThat(facts.find(second.id()).orElseThrow().repeat()).as("the earlier ticket now says 1201 too").isTrue();
        assertThat(facts.find(first.id()).orElseThrow().repeat()).isFalse();
        storage.tickets().updateIntake(first.id(), IntakeUpdate.none().withLocation("0307"));
        assertThat(facts.find(second.id()).orElseThrow().repeat()).as("corrected to another place").isFalse();
    }

    /**
     * The repeat checks run with every ticket change, through prepared statements whose plan
     * PostgreSQL caches. On a quarter of tickets, that cached (generic) plan must find the
     * candidates by the caller's numbers, not walk the quarter's tickets by time: the form it
     * replaced did, and cost a read of the whole quarter per check.
     */
    @Test
    void theRepeatChecksCachedPlansFindTheCandidatesByNumberNotByTime() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO tickets (number, line, urgency, status, caller_number, linkedid, created_at, updated_at)
                    SELECT 'HL-2026-' || lpad(g::text, 6, '0'), 'complaints', 'NORMAL', 'ACCEPTED',
                           (13900000000 + g % 4000)::text, 'seed.' || g, t, t
                      FROM generate_series(1, 20000) AS g,
                           LATERAL (SELECT timestamptz '2026-01-01 00:00+08' + g * interval '5 minutes') AS at(t)""");
            s.executeUpdate("""
                    INSERT INTO ticket_facts (ticket_id, line, caller_number, offered_at)
                    SELECT id, line, caller_number, created_at FROM tickets WHERE linkedid LIKE 'seed.%'""");
            s.execute("ANALYZE ticket_facts");
            s.execute("SET plan_cache_mode = force_generic_plan");
            for (int numbers = 1; numbers <= 3; numbers++) {
                for (String sql : new String[] {PgTicketFacts.earlierSharingSql(numbers), PgTicketFacts.laterSharingSql(numbers)}) {
                    String plan = genericPlan(s, sql);
                    assertThat(plan).as("cached plan of %s", sql)
                            .contains("ticket_facts_caller", "ticket_facts_callback").doesNotContain("ticket_facts_offered")
                            .doesNotContain("Seq Scan");
                }
            }
        }
    }

    /** The generic plan PostgreSQL caches for a JDBC statement ({@code ?} parameters). */
    private static String genericPlan(Statement s, String sql) throws Exception {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        s.execute("DEALLOCATE ALL");
        s.execute("PREPARE candidates AS " + numbered);
        String[] values = new String[n];
        java.util.Arrays.fill(values, "NULL");
        StringBuilder plan = new StringBuilder();
        try (var rs = s.executeQuery("EXPLAIN EXECUTE candidates(" + String.join(", ", values) + ")")) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void theQuarterlyAnalysisReadsTheStoredFactsWithTheRule() {
        complaint("q.1", "13900000001", "1201");
        clock.advance(Duration.ofDays(3));
        complaint("q.2", "13900000001", "1201");
        complaint("q.3", "13900000002", "1201");
        for (int i = 0; i < 3; i++) {
            Ticket t = call("q.r" + i, "1380000000" + i);
            storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR).withLocation("Lift B"));
        }
        clock.set(Instant.parse("2026-04-02T02:00:00Z"));
        complaint("q.4", "13900000001", "1201"); // next quarter
        RepeatAnalysis a = reports().repeats(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        assertThat(a.repeatCallers()).hasSize(1);
        assertThat(a.repeatCallers().get(0)).extracting(TicketFacts::callerNumber)
                .containsExactly("13900000001", "13900000001");
        assertThat(a.repeatTickets()).isEqualTo(1);
        assertThat(a.repeatedRepairs()).hasSize(1);
        assertThat(a.repeatedRepairs().get(0)).hasSize(3).allMatch(f -> f.kind() == RequestKind.REPAIR);
    }

    @Test
    void ticketsWrittenBeforeTheFactsWereKeptGetThemFoldedFromTheirHistory() throws Exception {
        Ticket t = call("b.1", "13900000001");
        storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Forwarded("wang", "13800000001"));
        clock.advance(Duration.ofSeconds(25));
        storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Forwarded("zhao", "13800000002"));
        clock.advance(Duration.ofSeconds(5));
        Ticket answered = storage.tickets().recordCallOutcome(t.id(), new CallOutcome.Answered("zhao"));
        TicketFacts live = facts.find(t.id()).orElseThrow();
        assertThat(live.answeredAs()).isEqualTo(TicketFacts.AnsweredAs.DUTY_B);
        assertThat(live.waitForAnswer()).isEqualTo(Duration.ofSeconds(30));
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ticket_facts");
        }
        assertThat(facts.find(t.id())).isEmpty();

        assertThat(facts.backfill(repository())).isEqualTo(1);
        assertThat(facts.find(t.id())).contains(live);
        // and a change to a ticket without a row folds its whole history first
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ticket_facts");
        }
        storage.tickets().updateIntake(answered.id(), IntakeUpdate.none().withKind(RequestKind.INQUIRY));
        TicketFacts refolded = facts.find(t.id()).orElseThrow();
        assertThat(refolded.answeredAs()).isEqualTo(TicketFacts.AnsweredAs.DUTY_B);
        assertThat(refolded.kind()).isEqualTo(RequestKind.INQUIRY);
    }

    @Test
    void asteriskCallRecordsAreCountedOncePerCallInTheirUtcWallClockTime() throws Exception {
        Instant from = Instant.parse("2026-03-01T16:00:00Z"); // 2026-03-02 00:00 Shanghai
        Instant to = from.plus(Duration.ofDays(1));
        assertThat(facts.callsRecordedByAsterisk(from, to)).isEmpty(); // none kept
        try (Connection c = DriverManager.getConnection(config.postgresUrl(), PgSchema.CDR_ROLE, CDR_PASSWORD);
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO cdr (calldate, src, uniqueid, linkedid, hotline_dialled) VALUES (?, ?, ?, ?, ?)")) {
            Object[][] rows = {
                    {"2026-03-01T15:59:59Z", "a", "1.1", "1.1", "4008001"},   // the day before, local
                    {"2026-03-01T16:00:00Z", "b", "2.1", "2.1", "4008001"},   // two legs of one call
                    {"2026-03-01T16:00:10Z", "b", "2.2", "2.1", "4008001"},
                    {"2026-03-02T08:00:00Z", "c", "3.1", "3.1", "4008001"},
                    {"2026-03-02T09:00:00Z", "d", "4.1", "4.1", ""},          // not to a hotline number
                    {"2026-03-02T16:00:00Z", "e", "5.1", "5.1", "4008001"}};  // the next day
            for (Object[] r : rows) {
                ps.setTimestamp(1, Timestamp.valueOf(Instant.parse((String) r[0]).atOffset(ZoneOffset.UTC).toLocalDateTime()));
                ps.setString(2, (String) r[1]);
                ps.setString(3, (String) r[2]);
                ps.setString(4, (String) r[3]);
                ps.setString(5, (String) r[4]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        assertThat(facts.callsRecordedByAsterisk(from, to)).hasValue(2);
    }

    @Test
    void theBacklogCountsTicketsAcceptedBeforeThePeriodUntilTheyAreClosed() {
        clock.set(Instant.parse("2026-02-27T02:00:00Z")); // Fri 27 Feb 10:00 local, before the period
        Ticket early = complaint("o.1", "13900000001", "1201");
        Ticket closedEarly = complaint("o.2", "13900000002", "0307");
        close(closedEarly); // closed the same day: never in March's backlog
        clock.set(Instant.parse("2026-03-02T01:30:00Z")); // Mon 2 Mar 09:30
        Ticket monday = complaint("o.3", "13900000003", "0101");
        Ticket inquiry = storage.tickets().updateIntake(call("o.4", "13900000004").id(),
                IntakeUpdate.none().withKind(RequestKind.INQUIRY));
        clock.set(Instant.parse("2026-03-03T03:00:00Z")); // Tue 11:00: Monday's complaint closed
        close(monday);
        clock.set(Instant.parse("2026-03-04T02:00:00Z")); // now: Wed 10:00

        // through the store: tickets open at some instant of Mon..Tue, whenever accepted
        java.util.List<Long> open = new java.util.ArrayList<>();
        facts.scanOpen(Instant.parse("2026-03-01T16:00:00Z"), Instant.parse("2026-03-03T16:00:00Z"),
                KpiQuery.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)), f -> open.add(f.ticketId()));
        assertThat(open).containsExactlyInAnyOrder(early.id(), monday.id(), inquiry.id());

        org.hotline.domain.report.KpiSeries s = reports().series(new KpiQuery(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 5), java.util.Optional.empty(), java.util.Optional.of(RequestKind.COMPLAINT),
                java.util.Optional.empty()));
        // complaints open at the end of Mon (early, monday), Tue (early), now on Wed (early); Thu not begun
        assertThat(s.days()).extracting(org.hotline.domain.report.KpiSeries.Day::backlog)
                .containsExactly(2L, 1L, 1L, null);
        assertThat(s.days().get(0).kpis().offered()).isEqualTo(1);
        assertThat(s.hours().get(9).kpis().offered()).as("Monday 09:30 local").isEqualTo(1);
    }

    /** Takes a complaint through to closed: dispatched, resolved, called back satisfied. */
    private void close(Ticket t) {
        Actor lin = new Actor("lin", Role.SUPERVISOR);
        t = storage.tickets().apply(t.id(), t.version(), lin, new TicketAction.Dispatch("engineering", "go"));
        t = storage.tickets().apply(t.id(), t.version(), lin, new TicketAction.Classify(
                org.hotline.domain.ticket.Classification.VALID, "ours"));
        t = storage.tickets().apply(t.id(), t.version(), lin, new TicketAction.Resolve("fixed", "Zhao"));
        t = storage.tickets().apply(t.id(), t.version(), lin, new TicketAction.RecordCallback(
                org.hotline.domain.ticket.CallbackResult.SATISFIED, null));
        t = storage.tickets().apply(t.id(), t.version(), lin, new TicketAction.Close("thanks"));
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
    }

    private Ticket complaint(String linkedid, String caller, String location) {
        Ticket t = call(linkedid, caller);
        return storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT)
                .withLocation(location));
    }

    private KpiReports reports() {
        WorkingCalendar calendar = new WorkingCalendar(HotlineConfigBuilder.example().calendar(), SHANGHAI);
        return new KpiReports(facts, calendar, StepRule.DEFAULTS, clock);
    }

    private PgTicketRepository repository() {
        return new PgTicketRepository(storage.dataSource(), Clock.system(SHANGHAI), () -> { });
    }

    private Connection owner() throws Exception {
        return DriverManager.getConnection(config.postgresUrl(), EmbeddedPostgresServer.SUPERUSER,
                config.postgresOwnerPassword());
    }
}
