package org.hotline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.deadline.DeadlineAssigningTicketStore;
import org.hotline.domain.deadline.DeadlineCalculator;
import org.hotline.domain.deadline.DeadlineWatcher;
import org.hotline.domain.deadline.PolicyDeadlines;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.FreshStorage;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.store.StreamEntry;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reminders and escalation on the real ticket store (PostgreSQL) and live streams (Redis). */
class DeadlineWatcherIT {
    private static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();
    private static final PolicyDeadlines DEADLINES = new PolicyDeadlines(CONFIG,
            new DeadlineCalculator(new WorkingCalendar(CONFIG.calendar(), CONFIG.zone())));
    private static final Actor ALICE = new Actor("alice", Role.AGENT);
    /** Tuesday 2026-11-24 10:00 in Asia/Shanghai: a complaint is due acknowledged at 15:15 (07:15Z). */
    private static final Instant TUESDAY_10 = Instant.parse("2026-11-24T02:00:00Z");

    private final MutableClock clock = new MutableClock(TUESDAY_10, ZoneId.of("Asia/Shanghai"));
    private Storage storage;
    private TicketStore tickets;
    private DeadlineWatcher watcher;

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(clock);

    @BeforeEach
    void start() {
        storage = fresh.storage();
        tickets = new DeadlineAssigningTicketStore(storage.tickets(), DEADLINES);
        watcher = watcher();
        storage.users().create(new User("alice", "Alice", Role.AGENT, "$2a$12$hash", "PJSIP/1001", true));
        storage.users().create(new User("sue", "Sue", Role.SUPERVISOR, "$2a$12$hash", null, true));
        storage.users().create(new User("dm", "Duty", Role.DUTY_MANAGER, "$2a$12$hash", null, true));
        storage.users().create(new User("gone", "Gone", Role.SUPERVISOR, "$2a$12$hash", null, false));
    }

    private DeadlineWatcher watcher() {
        return new DeadlineWatcher(tickets, storage.events(), storage.users(), Duration.ofHours(4), clock);
    }

    private Ticket complaint(String linkedid) {
        Ticket t = tickets.openForCall(new CallIntake("complaints", "13900000001", "Wang", "u-" + linkedid, linkedid,
                clock.instant()));
        return tickets.updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT));
    }

    private List<Map<String, String>> stream(String user) {
        return storage.events().readAfter(EventStream.agentKey(user), EventStream.START, 100).stream()
                .map(StreamEntry::fields).toList();
    }

    private List<HistoryEvent> alerts(long ticketId) {
        return tickets.history(ticketId).stream().filter(e -> e.action().equals("deadline-alert")).toList();
    }

    @Test
    void theOwnerIsRemindedOnceWhenAStepIsAtRiskAndManagersAreToldWhenItIsMissed() {
        Ticket opened = complaint("1700000000.1");
        Ticket t = tickets.apply(opened.id(), opened.version(), ALICE, new TicketAction.TakeOver("mine"));
        assertThat(watcher.scan()).as("15:15 is more than 4 h away").isEmpty();

        clock.set(Instant.parse("2026-11-24T04:00:00Z")); // 12:00: acknowledge due within 4 h
        List<DeadlineWatcher.Alert> first = watcher.scan();
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo("acknowledge");
            assertThat(a.missed()).isFalse();
            assertThat(a.told()).containsExactly("alice");
        });
        assertThat(stream("alice")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("type", "deadline").containsEntry("ticketNumber", t.number())
                .containsEntry("step", "acknowledge").containsEntry("state", "at-risk")
                .containsEntry("due", "2026-11-24T07:15:00Z"));
        assertThat(stream("sue")).isEmpty();
        assertThat(watcher.scan()).as("said once").isEmpty();
        assertThat(watcher().scan()).as("said once, after a restart too").isEmpty();

        clock.set(Instant.parse("2026-11-24T07:30:00Z")); // 15:30: acknowledge missed
        assertThat(watcher.scan()).singleElement().satisfies(a -> {
            assertThat(a.missed()).isTrue();
            assertThat(a.told()).containsExactly("alice", "dm", "sue");
        });
        assertThat(stream("sue")).singleElement().satisfies(e -> assertThat(e).containsEntry("state", "missed"));
        assertThat(stream("gone")).as("inactive users are not told").isEmpty();
        List<HistoryEvent> recorded = alerts(t.id());
        assertThat(recorded).extracting(e -> e.data().get("state")).containsExactly("at-risk", "missed");
        assertThat(recorded).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("deadline-watcher");
            assertThat(e.actorRole()).isEqualTo(Role.SYSTEM);
        });
    }

    @Test
    void aMetStepRaisesNothingAndTheNextOneIsWatched() {
        Ticket t = complaint("1700000000.2");
        t = tickets.apply(t.id(), t.version(), ALICE, new TicketAction.Dispatch("engineering", "leak in B3"));
        clock.set(Instant.parse("2026-11-25T00:00:00Z")); // Wednesday 08:00: acknowledge long past, plan due 10:00

        assertThat(watcher.scan()).extracting(DeadlineWatcher.Alert::step).containsExactly("plan");
        assertThat(alerts(t.id())).extracting(e -> e.data().get("step")).containsExactly("plan");
    }

    @Test
    void aTicketNobodyOwnsIsEscalatedAlreadyWhenAtRisk() {
        complaint("1700000000.3");
        clock.set(Instant.parse("2026-11-24T04:00:00Z"));

        assertThat(watcher.scan()).singleElement()
                .satisfies(a -> assertThat(a.told()).containsExactly("dm", "sue"));
    }

    @Test
    void aClosedOrResolvedTicketOwesNothing() {
        Ticket t = complaint("1700000000.4");
        t = tickets.apply(t.id(), t.version(), ALICE, new TicketAction.Dispatch("engineering", "leak"));
        t = tickets.apply(t.id(), t.version(), ALICE, new TicketAction.Resolve("fixed the pipe", "plumber Li"));
        clock.set(Instant.parse("2026-11-27T02:00:00Z")); // Friday: acknowledge, plan, resolve all past

        assertThat(watcher.scan()).as("only the call-back is owed, due Sunday").isEmpty();
        clock.set(Instant.parse("2026-11-29T03:00:00Z"));
        assertThat(watcher.scan()).extracting(DeadlineWatcher.Alert::step).containsExactly("callback");
    }
}
