package org.hotline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.deadline.DeadlineAssigningTicketStore;
import org.hotline.domain.deadline.DeadlineCalculator;
import org.hotline.domain.deadline.DeadlineWatcher;
import org.hotline.domain.deadline.PolicyDeadlines;
import org.hotline.domain.notify.Channel;
import org.hotline.domain.notify.Contact;
import org.hotline.domain.notify.Notification;
import org.hotline.domain.notify.NotificationOutbox;
import org.hotline.domain.notify.NotificationRelay;
import org.hotline.domain.notify.Notices;
import org.hotline.domain.notify.Notifier;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.User;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications that leave the panel, against real parts: PostgreSQL (the outbox), an SMTP
 * server in this JVM (GreenMail) and an HTTP receiver that checks the webhook's signature.
 */
class NotificationsIT {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2 March 2026, 10:00 in Shanghai. */
    private static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
    private static final String SECRET = "webhook-test-secret-0123456789";
    private static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();

    private final MutableClock clock = new MutableClock(MONDAY_10, ZONE);
    private final StorageConfig storageConfig = StorageFixture.shared().freshConfig();
    private GreenMail smtp;
    private Storage storage;

    @BeforeEach
    void start() throws IOException {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        storage = Storage.start(storageConfig, clock);
    }

    @AfterEach
    void stop() {
        if (storage != null) {
            storage.close();
        }
        smtp.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private SmtpSender mail() {
        return new SmtpSender(new SmtpSender.Config("127.0.0.1", smtp.getSmtp().getPort(), "hotline@example.org", "",
                "", false));
    }

    private static Map<String, Contact> contacts() {
        return Map.of("alice", new Contact("alice", Optional.of("alice@example.org"), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    /** One service instance's deadline watcher, notices and relay on {@code s}. */
    private record Instance(TicketStore tickets, DeadlineWatcher watcher, Notices notices, NotificationRelay relay) {
    }

    private Instance instance(Storage s) {
        TicketStore tickets = new DeadlineAssigningTicketStore(s.tickets(), new PolicyDeadlines(CONFIG,
                new DeadlineCalculator(new WorkingCalendar(CONFIG.calendar(), CONFIG.zone()))));
        Notices notices = new Notices(new Notifier(s.notifications(), s.alerts(), contacts(), ZONE, clock), s.users());
        return new Instance(tickets, new DeadlineWatcher(tickets, s.events(), s.users(), Duration.ofHours(4), clock),
                notices, new NotificationRelay(s.notifications(), List.of(mail()), clock));
    }

    private void scanAndSend(Instance i) {
        i.watcher().scan().forEach(i.notices()::deadline);
        i.relay().runOnce();
    }

    @Test
    void aMissedDeadlineSendsExactlyOneMailAcrossARestartAndASecondInstance() throws Exception {
        storage.users().create(new User("alice", "Alice", Role.AGENT, "x", null, true));
        Instance first = instance(storage);
        Ticket t = first.tickets().openForCall(new CallIntake("complaints", "13900000001", null, "n-1", "n-1", clock.instant()));
        t = first.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT));
        t = first.tickets().apply(t.id(), t.version(), new Actor("alice", Role.AGENT), new TicketAction.TakeOver(null));
        Instant due = t.deadlines().values().stream().min(Instant::compareTo).orElseThrow();
        clock.set(due.plusSeconds(60)); // the first step is missed

        scanAndSend(first);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        scanAndSend(first);

        storage.close(); // the restart: a new storage, watcher and relay on the same database
        storage = Storage.start(storageConfig, clock);
        Instance restarted = instance(storage);
        Instance second = instance(storage);
        scanAndSend(restarted);
        scanAndSend(second);
        clock.advance(Duration.ofMinutes(10));
        scanAndSend(second);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains(t.number()).contains("missed");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.org");
        assertThat(mails[0].getMessageID()).isEqualTo(SmtpSender.messageId(
                storage.notifications().byKeyPrefix("deadline/" + t.id() + "/", 10).get(0).notification().key(),
                "hotline@example.org"));
        // the same alert, raised by three watchers, is one alert waiting for acknowledgement
        long ticketId = t.id();
        assertThat(storage.alerts().recent(true, 100, 0)).filteredOn(a -> a.ticketId() == ticketId).singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo("deadline-missed");
                    assertThat(a.recipients()).contains("alice");
                    assertThat(a.acknowledged()).isFalse();
                });
    }

    @Test
    void anAfterHoursCallBackMailsTheDutyManagersOnceNamesThemAndTheMorningListFollowsOnce() throws Exception {
        org.hotline.domain.routing.CallRouter router = new org.hotline.domain.routing.CallRouter(CONFIG);
        WorkingCalendar calendar = new WorkingCalendar(CONFIG.calendar(), CONFIG.zone());
        Instant evening = java.time.LocalDateTime.parse("2026-03-02T20:00").atZone(ZONE).toInstant();
        List<String> duty = router.decide("complaints", evening, false).fallback().notifyPersonIds();
        assertThat(duty).isNotEmpty();
        Map<String, Contact> people = new java.util.HashMap<>();
        for (String p : duty) {
            people.put(p, new Contact(p, Optional.of(p + "@example.org"), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        storage.users().create(new User("sam", "Sam", Role.SUPERVISOR, "x", null, true));
        people.put("sam", new Contact("sam", Optional.of("sam@example.org"), Optional.empty(), Optional.empty(), Optional.empty()));
        clock.set(evening);
        Ticket t = storage.tickets().openForCall(new CallIntake("complaints", "13900000002", null, "ah-1", "ah-1", evening));
        t = storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT));
        t = storage.tickets().recordCallOutcome(t.id(), new org.hotline.domain.ticket.CallOutcome.NoAnswer());
        assertThat(t.callbackRequested()).isTrue();

        java.util.function.Function<Storage, org.hotline.domain.afterhours.AfterHoursWatcher> watcherOn = s -> {
            Notices notices = new Notices(new Notifier(s.notifications(), s.alerts(), people, ZONE, clock), s.users());
            return new org.hotline.domain.afterhours.AfterHoursWatcher(s.tickets(), calendar,
                    (line, at, urgent) -> router.decide(line, at, urgent).fallback(),
                    new org.hotline.domain.afterhours.AfterHoursWatcher.Sink() {
                        public void afterHours(Ticket x, List<String> p) { notices.afterHours(x, p); }
                        public void morningList(java.time.LocalDate d, Instant since, Instant opening, List<Ticket> a) {
                            notices.morningList(d, since, opening, a);
                        }
                    }, List::of, Duration.ofDays(3), clock);
        };
        NotificationRelay relay = new NotificationRelay(storage.notifications(), List.of(mail()), clock);
        clock.advance(Duration.ofMinutes(2));
        assertThat(watcherOn.apply(storage).scan().told()).extracting(Ticket::id).containsExactly(t.id());
        assertThat(watcherOn.apply(storage).scan().told()).as("a second instance").isEmpty();
        relay.runOnce();
        assertThat(smtp.waitForIncomingEmail(10_000, duty.size())).isTrue();
        assertThat(storage.tickets().find(t.id()).orElseThrow().dutyTold()).isEqualTo(String.join(",", duty));

        clock.set(java.time.LocalDateTime.parse("2026-03-03T08:35").atZone(ZONE).toInstant());
        watcherOn.apply(storage).scan();
        storage.close(); // a restart within the first interval: the list is not sent again
        storage = Storage.start(storageConfig, clock);
        clock.advance(Duration.ofMinutes(5));
        watcherOn.apply(storage).scan();
        new NotificationRelay(storage.notifications(), List.of(mail()), clock).runOnce();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(java.util.Arrays.stream(mails).filter(m -> subject(m).contains("after hours")).count())
                .isEqualTo(duty.size());
        List<MimeMessage> morning = java.util.Arrays.stream(mails).filter(m -> subject(m).contains("overnight")).toList();
        assertThat(morning).as("one morning list per recipient: the supervisor and the duty managers told")
                .hasSize(1 + duty.size());
        assertThat(morning.get(0).getContent().toString()).contains(t.number());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoRelaysRacingOverOneOutboxSendEachNotificationOnce() throws Exception {
        NotificationOutbox outbox = storage.notifications();
        for (int i = 0; i < 20; i++) {
            outbox.enqueue(new Notification("race/" + i, "test", "alice", Channel.EMAIL, "alice@example.org",
                    "race " + i, "body", 0), clock.instant(), clock.instant());
        }
        NotificationRelay a = new NotificationRelay(outbox, List.of(mail()), clock);
        NotificationRelay b = new NotificationRelay(storage.notifications(), List.of(mail()), clock);
        Thread other = new Thread(b::runOnce);
        other.start();
        a.runOnce();
        other.join();
        a.runOnce();
        b.runOnce();
        assertThat(smtp.waitForIncomingEmail(10_000, 20)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(20);
    }

    @Test
    void theWebhookIsSignedRetriedWithBackoffAndAFailingOneEndsAsADeadLetter() throws Exception {
        List<String> verified = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP_HEADER);
            String signature = exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER);
            boolean ok = signature != null && timestamp != null
                    && signature.equals("sha256=" + WebhookSender.sign(SECRET, timestamp, body));
            int status = !ok ? 401 : requests.incrementAndGet() == 1 ? 500 : 204;
            if (ok && status == 204) {
                verified.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            NotificationOutbox outbox = storage.notifications();
            Notifier notifier = new Notifier(outbox, storage.alerts(), Map.of("wang", new Contact("wang", Optional.empty(),
                    Optional.of("13800000001"), Optional.empty(), Optional.empty())), ZONE, clock);
            notifier.notify("escalation/7/3", "escalation", List.of("wang"), "Escalated: HL-2026-000007", "dispatch 3",
                    7, true);
            NotificationRelay relay = new NotificationRelay(outbox, List.of(new WebhookSender(
                    new WebhookSender.Config(url, SECRET), clock)), clock);

            assertThat(relay.runOnce()).isEqualTo(new NotificationRelay.Run(0, 1, 0));
            assertThat(relay.runOnce()).as("not before the backoff").isEqualTo(new NotificationRelay.Run(0, 0, 0));
            clock.advance(Duration.ofMinutes(1));
            assertThat(relay.runOnce()).isEqualTo(new NotificationRelay.Run(1, 0, 0));
            assertThat(verified).singleElement().asString().contains("\"to\":\"13800000001\"")
                    .contains("\"id\":\"escalation/7/3/wang/webhook\"");

            // a wrong secret is refused by the receiver: retried, then a dead letter
            notifier.notify("escalation/8/3", "escalation", List.of("wang"), "Escalated: HL-2026-000008", "dispatch 3",
                    8, true);
            NotificationRelay wrong = new NotificationRelay(outbox, List.of(new WebhookSender(
                    new WebhookSender.Config(url, "not-the-shared-secret!"), clock)), clock);
            for (int i = 0; i < NotificationRelay.MAX_ATTEMPTS; i++) {
                wrong.runOnce();
                clock.advance(Duration.ofHours(1));
            }
            assertThat(outbox.dead(10)).singleElement().satisfies(e -> {
                assertThat(e.notification().key()).isEqualTo("escalation/8/3/wang/webhook");
                assertThat(e.attempts()).isEqualTo(NotificationRelay.MAX_ATTEMPTS);
                assertThat(e.lastError()).contains("HTTP 401");
            });
            assertThat(verified).hasSize(1);
        } finally {
            receiver.stop(0);
        }
    }
}
