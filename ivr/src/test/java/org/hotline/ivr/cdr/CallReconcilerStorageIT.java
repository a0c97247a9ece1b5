package org.hotline.ivr.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.store.CallDetailRecord;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.CallDisposition;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.ivr.ami.AgentDirectory;
import org.hotline.ivr.flow.DialTemplate;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.pg.PgCallRecordRepository;
import org.hotline.storage.pg.PgSchema;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler against a real PostgreSQL: call records inserted as Asterisk's cdr_pgsql does
 * (as role hotline_cdr, which may do nothing else), tickets in the real ticket store.
 */
class CallReconcilerStorageIT {
    private static final String CDR_PASSWORD = "reconciler-it";
    private static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();

    private Storage storage;
    private String url;
    private CallReconciler reconciler;

    @BeforeEach
    void start() {
        StorageConfig config = StorageFixture.shared().freshConfig().withCdrPassword(CDR_PASSWORD);
        url = config.postgresUrl();
        storage = Storage.start(config, Clock.systemUTC());
        CallRouter router = new CallRouter(CONFIG);
        reconciler = new CallReconciler(storage.callRecords(), storage.tickets(), router::lineForNumber,
                new FallbackParties(new AgentDirectory(Map.of("PJSIP/1001", "alice")),
                        new DialTemplate("PJSIP/{number}@trunk"), CONFIG.people()),
                Duration.ZERO);
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    @Test
    void aCallWithoutTicketBecomesOneMissedTicketWithWhatTheFallbackDid() throws Exception {
        insert(Cdr.other("c-answered", 0, "PJSIP/trunk-00000001", "Wait", "ANSWERED"),
                Cdr.hotline("c-answered", 1, "Dial", "PJSIP/13800000001@trunk,25", "PJSIP/trunk-00000002", "ANSWERED"));
        insert(Cdr.hotline("c-agent", 1, "Queue", "hotline-complaints", "PJSIP/1001-0000000a", "ANSWERED"));
        insert(Cdr.hotline("c-voicemail", 1, "Dial", "PJSIP/13800000001@trunk,25", "PJSIP/trunk-00000003", "BUSY"),
                Cdr.hotline("c-voicemail", 2, "VoiceMail", "complaints@hotline,u", "", "ANSWERED"));
        insert(Cdr.withCaller(Cdr.hotline("c-nobody", 1, "Queue", "hotline-complaints", "", "ANSWERED"),
                "<script>", "\"x\" <script>"));

        CallReconciler.Pass pass = reconciler.runOnce();

        assertThat(pass.missed()).isEqualTo(4);
        Ticket answered = ticket("c-answered");
        assertThat(answered.callDisposition()).isEqualTo(CallDisposition.MISSED);
        assertThat(answered.line()).isEqualTo("complaints");
        assertThat(answered.callerNumber()).isEqualTo("13900000001");
        assertThat(answered.createdAt()).isEqualTo(Cdr.T0.plusSeconds(1));
        assertThat(answered.forwardedTo()).as("the duty phone is wang's").isEqualTo("wang");
        assertThat(answered.callbackRequested()).isFalse();
        assertThat(answered.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(answered.kind()).as("no kind was chosen: unknown, so it has deadlines").isEqualTo(RequestKind.UNKNOWN);
        assertThat(lastEvent(answered).data()).containsEntry("fallback", "answered").containsEntry("by", "wang");

        Ticket agent = ticket("c-agent");
        assertThat(agent.owner()).isEqualTo("alice");
        assertThat(agent.forwardedTo()).isEqualTo("alice");

        Ticket voicemail = ticket("c-voicemail");
        assertThat(voicemail.status()).isEqualTo(TicketStatus.MISSED);
        assertThat(voicemail.callbackRequested()).isTrue();
        assertThat(lastEvent(voicemail).data()).containsEntry("fallback", "voicemail")
                .containsEntry("voicemail", "complaints@hotline");

        Ticket nobody = ticket("c-nobody");
        assertThat(nobody.callerNumber()).as("a caller ID that is no number is not kept as one").isNull();
        assertThat(nobody.status()).isEqualTo(TicketStatus.MISSED);
        assertThat(nobody.callbackRequested()).isTrue();

        assertThat(reconciler.runOnce().calls()).as("a second pass finds nothing new").isZero();
        assertThat(storage.tickets().history(answered.id())).hasSize(3);
    }

    @Test
    void aTicketTheServiceFinishedIsLeftAloneAndOneItNeverFinishedGetsTheRecordsOutcome() throws Exception {
        Ticket finished = storage.tickets().openForCall(new CallIntake("complaints", "13900000001", null, "u1", "c-done",
                Cdr.T0));
        storage.tickets().recordCallOutcome(finished.id(), new CallOutcome.Answered("li"));
        Ticket cutOff = storage.tickets().openForCall(new CallIntake("complaints", "13900000001", null, "u2", "c-cut",
                Cdr.T0));
        storage.tickets().recordCallOutcome(cutOff.id(), new CallOutcome.Queued("hotline-complaints"));
        insert(Cdr.hotline("c-done", 1, "Queue", "hotline-complaints", "PJSIP/1001-00000001", "ANSWERED"));
        insert(Cdr.hotline("c-cut", 1, "AGI", "agi://127.0.0.1/hotline", "", "ANSWERED"),
                Cdr.hotline("c-cut", 2, "Queue", "hotline-complaints", "PJSIP/1001-00000002", "ANSWERED"));
        long historyBefore = storage.tickets().history(finished.id()).size();

        CallReconciler.Pass pass = reconciler.runOnce();

        assertThat(pass.alreadyTicketed()).isEqualTo(1);
        assertThat(pass.completed()).isEqualTo(1);
        assertThat(pass.missed()).isZero();
        assertThat(storage.tickets().history(finished.id())).hasSize((int) historyBefore);
        assertThat(ticket("c-done").callDisposition()).isEqualTo(CallDisposition.ANSWERED);
        Ticket completed = ticket("c-cut");
        assertThat(completed.callDisposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(completed.owner()).isEqualTo("alice");
    }

    @Test
    void aNumberThatIsNoLinesAndAnUnsettledCallGetNoTicket() throws Exception {
        CallDetailRecord stranger = new CallDetailRecord("c-stranger", "u", Cdr.T0, "13900000001", "", "PJSIP/trunk-1",
                "", "VoiceMail", "complaints@hotline", "ANSWERED", 3, 1, "99999999");
        insert(stranger);
        assertThat(reconciler.runOnce().notHotline()).isEqualTo(1);
        assertThat(storage.tickets().findByLinkedid("c-stranger")).isEmpty();

        CallReconciler patient = new CallReconciler(storage.callRecords(), storage.tickets(),
                new CallRouter(CONFIG)::lineForNumber, new FallbackParties(new AgentDirectory(Map.of()),
                        new DialTemplate("PJSIP/{number}@trunk"), CONFIG.people()), Duration.ofMinutes(10));
        insert(Cdr.hotline("c-fresh", 1, "Queue", "hotline-complaints", "", "ANSWERED"));
        assertThat(patient.runOnce().calls()).as("records younger than the settle time wait").isZero();
        assertThat(storage.tickets().findByLinkedid("c-fresh")).isEmpty();
    }

    @Test
    void onePassAtATimeAcrossInstances() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> storage.callRecords().exclusively(() -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        // another instance: another session on the same database
        assertThat(new PgCallRecordRepository(storage.dataSource(), Clock.systemUTC()).exclusively(() -> "second"))
                .as("held by the first pass").isEmpty();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).contains("first");
        assertThat(storage.callRecords().exclusively(() -> "third")).contains("third");
    }

    @Test
    void asteriskMayOnlyInsertCallRecords() throws Exception {
        try (Connection c = DriverManager.getConnection(url, PgSchema.CDR_ROLE, CDR_PASSWORD); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM cdr")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM tickets")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM cdr")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------

    private Ticket ticket(String linkedid) {
        return storage.tickets().findByLinkedid(linkedid).orElseThrow(() -> new AssertionError("no ticket of " + linkedid));
    }

    /** The ticket's {@code call-missed} event. */
    private HistoryEvent lastEvent(Ticket t) {
        return storage.tickets().history(t.id()).stream().filter(e -> e.action().equals("call-missed")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no call-missed event on " + t.number()));
    }

    /** Inserts records as cdr_pgsql does: as hotline_cdr, calldate as UTC wall-clock time. */
    private void insert(CallDetailRecord... records) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PgSchema.CDR_ROLE, CDR_PASSWORD);
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO cdr (calldate, clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata,
                                         duration, billsec, disposition, amaflags, uniqueid, linkedid, sequence,
                                         hotline_dialled)
                        VALUES (?, ?, ?, 's', 'hotline-fallback', ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?)""")) {
            for (CallDetailRecord r : records) {
                int i = 1;
                ps.setTimestamp(i++, Timestamp.valueOf(r.start().atOffset(ZoneOffset.UTC).toLocalDateTime()));
                ps.setString(i++, r.clid());
                ps.setString(i++, r.src());
                ps.setString(i++, r.channel());
                ps.setString(i++, r.dstchannel());
                ps.setString(i++, r.lastapp());
                ps.setString(i++, r.lastdata());
                ps.setInt(i++, r.billsec());
                ps.setInt(i++, r.billsec());
                ps.setString(i++, r.disposition());
                ps.setString(i++, r.uniqueid());
                ps.setString(i++, r.linkedid());
                ps.setInt(i++, r.sequence());
                ps.setString(i++, r.dialled());
                ps.executeUpdate();
            }
        }
    }
}
