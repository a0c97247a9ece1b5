package org.hotline.domain.afterhours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.notify.Contact;
import org.hotline.domain.notify.Notices;
import org.hotline.domain.notify.Notification;
import org.hotline.domain.notify.NotificationOutbox;
import org.hotline.domain.notify.Notifier;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.testing.FixedUsers;
import org.hotline.domain.testing.RecordingOutbox;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.User;
import org.junit.jupiter.api.Test;

class AfterHoursWatcherTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();
    static final WorkingCalendar CALENDAR = new WorkingCalendar(CONFIG.calendar(), CONFIG.zone());
    static final CallRouter ROUTER = new CallRouter(CONFIG);

    final MutableClock clock = new MutableClock(local("2026-03-02T21:00"), ZoneOffset.UTC);
    final InMemoryTickets tickets = new InMemoryTickets(clock);
    final RecordingOutbox outbox = new RecordingOutbox();
    final List<User> people = List.of(new User("sam", "Sam", Role.SUPERVISOR, "x", null, true));
    final UserStore users = new FixedUsers(people);
    final Map<String, Contact> contacts = Map.of(
            "sam", email("sam"), "wang", email("wang"), "li", email("li"), "chen", email("chen"));

    static Contact email(String who) {
        return new Contact(who, Optional.of(who + "@example.org"), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    List<String> onShift = new ArrayList<>();
    final List<String> named = new ArrayList<>();

    AfterHoursWatcher watcher() {
        Notices notices = new Notices(new Notifier(outbox, new org.hotline.domain.testing.InMemoryAlerts(), contacts, SHANGHAI, clock), users);
        return new AfterHoursWatcher(tickets, CALENDAR, (line, at, urgent) -> ROUTER.decide(line, at, urgent).fallback(),
                new AfterHoursWatcher.Sink() {
                    public void afterHours(Ticket t, List<String> p) { notices.afterHours(t, p); }
                    public void morningList(LocalDate day, Instant since, Instant opening, List<Ticket> arrived) {
                        notices.morningList(day, since, opening, arrived);
                    }
                    public void named(Ticket t, List<String> p) { named.add(t.number() + " " + p + " " + t.dutyTold()); }
                }, () -> List.copyOf(onShift), Duration.ofDays(3), clock);
    }

    Ticket put(long id, String at, boolean callback, String owner) {
        return tickets.put(new Ticket.Builder().id(id).number("HL-2026-00000" + id).line("complaints")
                .kind(RequestKind.COMPLAINT).status(owner == null ? TicketStatus.MISSED : TicketStatus.ACCEPTED)
                .callerNumber("1390000000" + id).callbackRequested(callback).owner(owner)
                .createdAt(local(at)).updatedAt(local(at)).version(1).build());
    }

    @Test
    void anAfterHoursCallBackTicketTellsTheDutyManagersOfItsRouteOnceAndNamesThem() {
        Ticket evening = put(1, "2026-03-02T20:00", true, null);   // Monday after hours, nobody took it
        put(2, "2026-03-02T10:00", true, null);                     // office hours: the agents' queue
        put(3, "2026-03-02T20:30", true, "wang");                   // after hours, already owned
        put(4, "2026-03-02T20:40", false, null);                    // after hours, answered by duty
        List<String> duty = ROUTER.decide("complaints", evening.createdAt(), false).fallback().notifyPersonIds();
        assertThat(duty).as("the example rosters a duty pair on Monday night").isNotEmpty();

        AfterHoursWatcher.Scan scan = watcher().scan();
        assertThat(scan.told()).extracting(Ticket::id).containsExactly(1L);
        Ticket told = tickets.find(1).orElseThrow();
        assertThat(told.dutyTold()).isEqualTo(String.join(",", duty));
        assertThat(tickets.history(1)).filteredOn(e -> "duty-told".equals(e.action())).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("person", String.join(",", duty)));
        assertThat(outbox.notifications()).extracting(Notification::key).containsExactlyElementsOf(
                duty.stream().map(p -> "after-hours/1/" + p + "/email").toList());
        assertThat(outbox.notifications().get(0).subject()).contains("HL-2026-000001").contains("after hours");

        assertThat(named).as("what must happen once (the voice alert) follows the duty-told entry")
                .containsExactly("HL-2026-000001 " + duty + " " + String.join(",", duty));
        assertThat(watcher().scan().told()).as("a second scan, or a second instance, tells nobody again").isEmpty();
        assertThat(named).hasSize(1);
        assertThat(outbox.notifications()).hasSize(duty.size());
        assertThat(tickets.find(2).orElseThrow().dutyTold()).isNull();
        assertThat(tickets.find(3).orElseThrow().dutyTold()).isNull();
    }

    @Test
    void theMorningListGoesOutOnceAtTheOpeningWithWhatArrivedSinceTheClose() {
        put(1, "2026-03-02T20:00", true, null);
        put(2, "2026-03-02T10:00", true, null);
        put(4, "2026-03-03T06:40", false, null);
        watcher().scan(); // the night's scan names the duty managers of ticket 1
        outbox.clear();

        clock.set(local("2026-03-03T08:00"));
        assertThat(watcher().scan().morningList()).as("before the opening").isEmpty();
        clock.set(local("2026-03-03T08:31"));
        assertThat(watcher().scan().morningList()).contains(LocalDate.of(2026, 3, 3));
        clock.set(local("2026-03-03T09:15"));
        watcher().scan(); // another scan (or instance) in the first interval: the key holds it back
        List<String> duty = ROUTER.decide("complaints", local("2026-03-02T20:00"), false).fallback().notifyPersonIds();
        assertThat(outbox.notifications()).extracting(Notification::recipient)
                .containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(concat(List.of("sam"), duty)));
        assertThat(outbox.notifications()).allSatisfy(n -> {
            assertThat(n.key()).startsWith("morning-list/2026-03-03/");
            assertThat(n.body()).contains("HL-2026-000001").contains("HL-2026-000004").doesNotContain("HL-2026-000002")
                    .contains("2 tickets");
        });

        clock.set(local("2026-03-03T14:00"));
        assertThat(watcher().scan().morningList()).as("after the first interval").isEmpty();
    }

    @Test
    void atTheNextOpeningTheUnownedAfterHoursTicketsGoToTheFirstAgentsOnShiftInTurn() {
        put(1, "2026-03-02T19:00", true, null);
        put(2, "2026-03-02T20:00", true, null);
        put(3, "2026-03-02T21:00", true, null);
        put(7, "2026-03-02T10:00", true, null);   // an office-hours miss: the queue's, not assigned
        put(8, "2026-03-02T22:00", true, "chen"); // already taken
        onShift.addAll(List.of("alice", "bob"));

        clock.set(local("2026-03-02T23:00"));
        assertThat(watcher().scan().assigned()).as("not before the opening").isEmpty();
        clock.set(local("2026-03-03T08:20"));
        assertThat(watcher().scan().assigned()).as("the office is not open yet").isEmpty();

        clock.set(local("2026-03-03T08:31"));
        onShift.clear();
        assertThat(watcher().scan().assigned()).as("nobody on shift yet: they wait in the queue").isEmpty();
        onShift.addAll(List.of("alice", "bob"));
        AfterHoursWatcher.Scan scan = watcher().scan();
        assertThat(scan.assigned()).extracting(Ticket::id).containsExactly(1L, 2L, 3L);
        assertThat(scan.assigned()).extracting(Ticket::owner).containsExactly("alice", "bob", "alice");
        Instant opening = ROUTER.decide("complaints", local("2026-03-02T19:00"), false).fallback().nextOpening().orElseThrow();
        assertThat(opening).isEqualTo(local("2026-03-03T08:30"));
        assertThat(tickets.history(1)).filteredOn(e -> "assign-at-opening".equals(e.action())).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("owner", "alice").containsEntry("opening", opening.toString()));
        assertThat(tickets.find(7).orElseThrow().owner()).isNull();
        assertThat(tickets.find(8).orElseThrow().owner()).isEqualTo("chen");
        assertThat(watcher().scan().assigned()).as("once").isEmpty();
    }

    @Test
    void aDayThatFollowsAWeekendListsTheWholeWeekend() {
        put(5, "2026-03-07T11:00", true, null); // Saturday
        put(6, "2026-03-08T22:00", true, null); // Sunday night
        clock.set(local("2026-03-09T08:45"));    // Monday
        assertThat(watcher().scan().morningList()).contains(LocalDate.of(2026, 3, 9));
        assertThat(outbox.notifications()).filteredOn(n -> n.key().startsWith("morning-list/")).allSatisfy(n ->
                assertThat(n.body()).contains("HL-2026-000005").contains("HL-2026-000006"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
