package org.hotline.ivr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.Person;
import org.hotline.domain.deadline.DeadlineAssigningTicketStore;
import org.hotline.domain.deadline.DeadlineCalculator;
import org.hotline.domain.deadline.PolicyDeadlines;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.routing.RoutingDecision;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.CallDisposition;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.TestAgiConfig;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.ami.AgentDirectory;
import org.hotline.ivr.ami.AmiClient;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.ami.CallParties;
import org.hotline.ivr.ami.EventStreamScreenPops;
import org.hotline.ivr.ami.TicketOutcomes;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.hotline.ivr.flow.DialTemplate;
import org.hotline.ivr.flow.HotlineFlow;
import org.hotline.ivr.flow.HotlineFlowConfig;
import org.hotline.ivr.flow.HotlineRouting;
import org.hotline.storage.Storage;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * hotline as a new user runs it against a stock Asterisk 22: the production
 * {@code asterisk-config/}, the shipped example configuration unchanged
 * ({@link HotlineConfigBuilder#example()}, kept equal to {@code config/hotline.example.yaml} by
 * {@code ExampleConfigBuilderTest}), the flow's default recording directory
 * ({@code hotline/messages} under the sounds directory), and none of the line's recordings: the
 * example names {@code hotline/complaints-welcome} and {@code hotline/complaints-after-hours},
 * which a stock PBX does not have. Only the dial template and the agents' phones point at the
 * harness's simulated phones. The ticket store is real (embedded PostgreSQL and Redis) behind
 * the production deadline decorator; the AMI client, logged in as the least-privilege user,
 * follows the fallback and records on the tickets.
 *
 * <p>Each test asserts what Asterisk did (AMI events, its CDR records) and what the store
 * holds: every call offered in Asterisk's CDR has its ticket, with the right disposition.
 */
class StockPbxIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LINE_NUMBER = "4008001234";
    private static final Map<String, String> AGENTS = Map.of(
            AsteriskHarness.device("1001"), "alice",
            AsteriskHarness.device("1002"), "bob");
    /** Monday 2 March 2026, 10:00 in Shanghai: office hours. */
    private static final Instant OFFICE = Instant.parse("2026-03-02T02:00:00Z");
    /** Monday 2 March 2026, 21:00 in Shanghai: after hours; duty A is Wang (13800000001), B is Li (13800000002). */
    private static final Instant AFTER_HOURS = Instant.parse("2026-03-02T13:00:00Z");
    private static final HotlineConfig EXAMPLE = HotlineConfigBuilder.example().build();

    @RegisterExtension
    static final InProcessService service = new InProcessService("1001", "1002", "13800000001", "13800000002", "duty");
    static final AsteriskHarness asterisk = service.asterisk();

    private static final MutableClock clock = new MutableClock(OFFICE, ZoneOffset.UTC);
    private static final AtomicInteger routerCalls = new AtomicInteger();
    private static volatile Duration slowRouterAfterFirstDecision = Duration.ZERO;
    private static Storage storage;
    private static TicketStore tickets;

    @BeforeAll
    static void startService() throws Exception {
        storage = service.own(StorageFixture.shared().freshStorage(clock));
        tickets = new DeadlineAssigningTicketStore(storage.tickets(), new PolicyDeadlines(EXAMPLE,
                new DeadlineCalculator(new WorkingCalendar(EXAMPLE.calendar(), EXAMPLE.zone()))));
        HotlineFlowConfig flowConfig = HotlineFlowConfig.defaults(new DialTemplate(AsteriskHarness.DIAL_TEMPLATE), clock,
                AGENTS);
        service.agi(new FastAgiServer(TestAgiConfig.dependencyTimeout(Duration.ofSeconds(2)),
                new AgiFlows(Map.of(HotlineFlow.NAME, new HotlineFlow(routing(), tickets, flowConfig))),
                new SimpleMeterRegistry()));
        AgentDirectory agents = new AgentDirectory(AGENTS);
        CallParties parties = new CallParties(agents,
                EXAMPLE.people().stream().collect(Collectors.toMap(Person::phone, Person::id)));
        service.ami(new AmiClient(AmiConfig.of("127.0.0.1", asterisk.amiPort(), AsteriskHarness.HOTLINE_AMI_USER,
                asterisk.hotlineAmiSecret()), agents,
                new EventStreamScreenPops(storage.events(), storage.tickets()), parties,
                new TicketOutcomes(tickets), clock), WAIT);
    }

    /** The real router on the example; its decisions after the first can be made slow (a dependency timeout). */
    private static HotlineRouting routing() {
        HotlineRouting real = HotlineRouting.of(new CallRouter(EXAMPLE));
        return new HotlineRouting() {
            @Override
            public Optional<LineConfig> lineForNumber(String dialled) {
                return real.lineForNumber(dialled);
            }

            @Override
            public RoutingDecision decide(String lineId, Instant at, boolean urgent) {
                if (routerCalls.incrementAndGet() % 2 == 0 && !slowRouterAfterFirstDecision.isZero()) {
                    try {
                        Thread.sleep(slowRouterAfterFirstDecision.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.decide(lineId, at, urgent);
            }
        };
    }

    @BeforeEach
    void routerAtFullSpeed() {
        slowRouterAfterFirstDecision = Duration.ZERO;
        routerCalls.set(0);
    }

    @Test
    void thePromptsTheConfigurationNamesAreAbsent() throws Exception {
        assertThat(EXAMPLE.line("complaints").orElseThrow().prompts())
                .containsEntry("greeting-office", "hotline/complaints-welcome")
                .containsEntry("greeting-after-hours", "hotline/complaints-after-hours");
        assertThat(asterisk.hostPath("/usr/share/asterisk/sounds/en/hotline")).as("a stock PBX: no hotline recordings")
                .doesNotExist();
        int cdrMark = asterisk.ami().mark();

        clock.set(OFFICE);
        TestCall office = asterisk.call(LINE_NUMBER, "13900000101", "Zhang San");
        office.answer("1");     // the menu (its core sound): complaint
        office.answer("1");     // callback: confirm the caller ID
        office.answer("1203#"); // location
        office.answer("2");     // no message
        office.await(m -> m.isEvent("QueueCallerJoin"), WAIT, "the caller joins the queue");
        office.await(m -> m.isEvent("AgentConnect"), WAIT, "an agent answers");
        office.awaitEnd(WAIT);

        clock.set(AFTER_HOURS);
        TestCall night = asterisk.call(LINE_NUMBER, "13900000102", "Li Si");
        night.answer("2");      // inquiry
        night.answer("1");
        night.answer("#");      // no location
        night.answer("2");
        AmiMessage dialEnd = night.await(m -> m.isEvent("DialEnd"), WAIT, "duty manager A's dial ends");
        assertThat(dialEnd.get("DestChannel")).startsWith(AsteriskHarness.device("13800000001"));
        assertThat(dialEnd.get("DialStatus")).isEqualTo("ANSWER");
        night.awaitEnd(WAIT);

        for (TestCall call : List.of(office, night)) {
            List<String> commands = agiCommands(call);
            String named = call == office ? "hotline/complaints-welcome" : "hotline/complaints-after-hours";
            int tried = indexOf(commands, c -> c.startsWith("EXEC Playback") && c.contains(named));
            assertThat(tried).as("the configured greeting is tried").isNotNegative();
            assertThat(commands.subList(tried, commands.size()))
                    .anyMatch(c -> c.startsWith("EXEC Playback") && c.contains("hello-world"));
            assertThat(commands).noneMatch(c -> c.startsWith("STREAM FILE"));
            assertThat(call.events()).as("the service finished the call: no fallback")
                    .noneMatch(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")));
        }

        Ticket first = awaitTicket(office, t -> t.callDisposition() == CallDisposition.ANSWERED);
        assertThat(first.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(first.location()).isEqualTo("1203");
        assertThat(first.owner()).isIn("alice", "bob");
        assertThat(first.deadlines()).containsKeys("acknowledge", "plan", "resolve", "callback");
        Ticket second = awaitTicket(night, t -> t.callDisposition() == CallDisposition.ANSWERED);
        assertThat(second.kind()).isEqualTo(RequestKind.INQUIRY);
        assertThat(second.forwardedTo()).isEqualTo("wang");
        assertThat(second.deadlines()).containsKey("answer");
        for (Ticket t : List.of(first, second)) {
            assertThat(t.status()).isEqualTo(TicketStatus.ACCEPTED);
            assertThat(t.callbackRequested()).isFalse();
        }
        assertCdrMatchesTickets(cdrMark, List.of(office, night));
    }

    @Test
    void theRecordingsDirectoryIsAbsent() throws Exception {
        assertThat(asterisk.hostPath("/usr/share/asterisk/sounds/hotline/messages"))
                .as("a stock PBX: no hotline/messages under the sounds directory").doesNotExist();
        int cdrMark = asterisk.ami().mark();
        clock.set(AFTER_HOURS);
        asterisk.phone("13800000001", PhoneMode.BUSY);
        asterisk.phone("13800000002", PhoneMode.BUSY);

        TestCall call = asterisk.call(LINE_NUMBER, "13900000103", "Wang Wu");
        call.answer("5");    // repair
        call.answer("1");
        call.answer("12#");
        call.answer("1");    // leave a message
        assertThat(call.awaitPrompt()).startsWith("RECORD FILE"); // fails: the directory is absent ...
        assertThat(call.awaitPrompt()).startsWith("EXEC Record"); // ... so the Record application takes it
        Ticket opened = awaitTicket(call, t -> true);
        Path message = asterisk.spoolDir().resolve("hotline-messages").resolve(opened.number() + ".wav");
        E2eWaits.grownBeyond(message, 8_000, WAIT); // the caller has spoken for a while ...
        call.press("#");              // ... and ends the message
        call.awaitEnd(WAIT);

        assertThat(call.events().stream().filter(m -> m.isEvent("DialEnd")).map(m -> m.get("DialStatus")))
                .containsExactly("BUSY", "BUSY");
        assertThat(call.events()).noneMatch(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")));
        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.VOICEMAIL);
        String kept = asterisk.runDirInChroot() + "/spool/hotline-messages/" + ticket.number() + ".wav";
        assertThat(ticket.voiceMessageRef()).isEqualTo(kept);
        assertThat(asterisk.hostPath(kept)).exists();
        assertThat(Files.size(asterisk.hostPath(kept))).as("the message holds audio").isGreaterThan(8_000);
        assertThat(ticket.kind()).isEqualTo(RequestKind.REPAIR);
        assertThat(ticket.status()).isEqualTo(TicketStatus.MISSED);
        assertThat(ticket.callbackRequested()).isTrue();
        assertThat(ticket.deadlines()).containsKeys("dispatch", "resolve");
        HistoryEvent voicemail = storage.tickets().history(ticket.id()).stream()
                .filter(e -> e.action().equals("call-voicemail")).findFirst().orElseThrow();
        assertThat(voicemail.data()).containsEntry("kept", "fallback-directory").containsEntry("voicemail", kept);
        assertCdrMatchesTickets(cdrMark, List.of(call));
    }

    @Test
    void aDependencyTimeoutIsInterruptedAndTheFallbacksAnswerIsRecordedFromAmi() throws Exception {
        int cdrMark = asterisk.ami().mark();
        clock.set(OFFICE);
        slowRouterAfterFirstDecision = Duration.ofSeconds(5); // the decision after the intake misses its 2 s

        TestCall call = asterisk.call(LINE_NUMBER, "13900000104", "Zhao Liu");
        AmiMessage fallback = complaintTakenOverByTheFallback(call);
        assertThat(fallback.get("Status")).isEqualTo("FALLBACK");
        assertThat(fallback.get("Ticket")).startsWith("HL-");
        call.await(m -> m.isEvent("QueueCallerJoin"), WAIT, "the fallback queues the caller");
        AmiMessage connect = call.await(m -> m.isEvent("AgentConnect"), WAIT, "an agent answers");
        call.awaitEnd(WAIT);

        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.ANSWERED);
        assertThat(ticket.owner()).isEqualTo(AGENTS.get(connect.get("Interface")));
        assertThat(ticket.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(ticket.callbackRequested()).isFalse();
        assertThat(ticket.deadlines()).isNotEmpty();
        List<String> history = storage.tickets().history(ticket.id()).stream().map(HistoryEvent::action).toList();
        assertThat(history).containsSubsequence("call-interrupted", "call-queued", "call-answered")
                .doesNotContain("call-abandoned");
        assertCdrMatchesTickets(cdrMark, List.of(call));
    }

    @Test
    void whenTheFallbackEndsInTheVoicemailBoxTheTicketGetsTheMessageFile() throws Exception {
        int cdrMark = asterisk.ami().mark();
        clock.set(AFTER_HOURS);
        slowRouterAfterFirstDecision = Duration.ofSeconds(5);
        asterisk.phone("13800000001", PhoneMode.BUSY);
        asterisk.phone("13800000002", PhoneMode.BUSY);

        TestCall call = asterisk.call(LINE_NUMBER, "13900000105", "Sun Qi");
        AmiMessage fallback = complaintTakenOverByTheFallback(call);
        assertThat(fallback.get("Action")).isEqualTo("FORWARD");
        call.await(m -> m.isEvent("Newexten") && call.ivrId().equals(m.get("Uniqueid"))
                && "VoiceMail".equals(m.get("Application")), WAIT, "both duty phones busy: voicemail");
        Path drafts = asterisk.spoolDir().resolve("voicemail/hotline/complaints/tmp");
        E2eWaits.grownBeyond(drafts, 8_000, WAIT); // the greeting played, the caller speaks after the beep ...
        call.hangup();                  // ... and hangs up to end the message, as callers do
        call.awaitEnd(WAIT);

        AmiMessage end = call.await(m -> m.isEvent("UserEvent") && "HotlineFallbackEnd".equals(m.get("UserEvent")),
                WAIT, "the fallback's hangup handler");
        String file = end.get("MessageFile");
        assertThat(file).startsWith(asterisk.runDirInChroot() + "/spool/voicemail/hotline/complaints/INBOX/msg");
        Ticket ticket = awaitTicket(call, t -> t.callDisposition() == CallDisposition.VOICEMAIL);
        assertThat(ticket.voiceMessageRef()).isEqualTo(file);
        assertThat(asterisk.hostPath(file + ".wav")).exists();
        assertThat(ticket.callbackRequested()).isTrue();
        assertThat(ticket.status()).isEqualTo(TicketStatus.MISSED);
        assertThat(ticket.kind()).isEqualTo(RequestKind.COMPLAINT);
        HistoryEvent voicemail = storage.tickets().history(ticket.id()).stream()
                .filter(e -> e.action().equals("call-voicemail")).findFirst().orElseThrow();
        assertThat(voicemail.data()).containsEntry("kept", "voicemail-box").containsEntry("voicemail", file);
        assertCdrMatchesTickets(cdrMark, List.of(call));
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The caller files a complaint (no location, no message); the slow router makes the dialplan take over. */
    private static AmiMessage complaintTakenOverByTheFallback(TestCall call) {
        call.answer("1");
        call.answer("1");
        call.answer("#");
        call.answer("2");
        return call.await(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")), WAIT,
                "the dialplan's fallback");
    }

    /**
     * Asterisk's own record: the CDRs of the hotline legs since {@code mark} (cdr_manager) name
     * exactly the calls placed, and each of those has a ticket opened for that channel.
     */
    private static void assertCdrMatchesTickets(int mark, List<TestCall> calls) {
        Set<String> placed = calls.stream().map(TestCall::ivrId).collect(Collectors.toSet());
        for (TestCall call : calls) {
            asterisk.ami().await(mark, m -> m.isEvent("Cdr") && call.ivrId().equals(m.get("UniqueID")), WAIT,
                    "the CDR of " + call.ivrId());
        }
        Set<String> offered = asterisk.ami().events().stream().skip(mark)
                .filter(m -> m.isEvent("Cdr") && m.get("Channel").startsWith("Local/" + LINE_NUMBER + "@hotline-from-trunk")
                        && m.get("Channel").endsWith(";2"))
                .map(m -> m.get("UniqueID")).collect(Collectors.toSet());
        assertThat(offered).as("calls offered in Asterisk's CDR").isEqualTo(placed);
        Set<String> ticketed = offered.stream()
                .map(id -> calls.stream().filter(c -> c.ivrId().equals(id)).findFirst().orElseThrow())
                .map(c -> storage.tickets().findByLinkedid(c.callerId()).orElseThrow().uniqueid())
                .collect(Collectors.toSet());
        assertThat(ticketed).as("each offered call has its ticket, opened on that channel").isEqualTo(offered);
    }

    private static List<String> agiCommands(TestCall call) {
        return call.events().stream().filter(m -> m.isEvent("AGIExecStart") && call.ivrId().equals(m.get("Uniqueid")))
                .map(m -> m.get("Command")).toList();
    }

    private static int indexOf(List<String> list, Predicate<String> match) {
        for (int i = 0; i < list.size(); i++) {
            if (match.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Ticket awaitTicket(TestCall call, Predicate<Ticket> done) throws InterruptedException {
        return E2eWaits.ticket(storage.tickets(), call, done, WAIT);
    }
}
