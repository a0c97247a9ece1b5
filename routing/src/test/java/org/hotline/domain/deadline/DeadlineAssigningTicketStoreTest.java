package org.hotline.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.store.TicketStore;
import org.junit.jupiter.api.Test;

class DeadlineAssigningTicketStoreTest {
    private static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();
    private static final PolicyDeadlines DEADLINES = new PolicyDeadlines(CONFIG,
            new DeadlineCalculator(new WorkingCalendar(CONFIG.calendar(), CONFIG.zone())));
    /** Tuesday 2026-11-24 10:00 in Asia/Shanghai. */
    private static final Instant ACCEPTED = Instant.parse("2026-11-24T02:00:00Z");

    /** Applies updates to one ticket the way the real stores do, and records them. */
    private static final class OneTicket {
        Ticket ticket = new Ticket.Builder().id(7).number("HL-2026-000007").line("complaints")
                .createdAt(ACCEPTED).updatedAt(ACCEPTED).build();
        final List<IntakeUpdate> updates = new ArrayList<>();

        TicketStore store() {
            return (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(),
                    new Class<?>[] {TicketStore.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("updateIntake")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        IntakeUpdate u = (IntakeUpdate) args[1];
                        updates.add(u);
                        ticket = u.applyTo(ticket);
                        return ticket;
                    });
        }
    }

    @Test
    void choosingAKindStampsThePolicyDeadlinesCountedFromAcceptance() {
        OneTicket one = new OneTicket();
        Ticket t = new DeadlineAssigningTicketStore(one.store(), DEADLINES)
                .updateIntake(7, IntakeUpdate.none().withKind(RequestKind.COMPLAINT));

        assertThat(t.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(t.deadlines()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "acknowledge", Instant.parse("2026-11-24T07:15:00Z"),      // 10:00 + 3h45 (lunch skipped) = 15:15 local
                "plan", Instant.parse("2026-11-25T02:00:00Z"),             // Wednesday 10:00
                "resolve", Instant.parse("2026-11-26T02:00:00Z"),          // Thursday 10:00
                "resolve.max", Instant.parse("2026-12-03T02:00:00Z"),      // 7 working days
                "callback", Instant.parse("2026-11-29T02:00:00Z")));      // 3 calendar days after resolve
    }

    @Test
    void anUnknownKindGetsTheComplaintDeadlinesWhenTheLineNamesNoPolicyForIt() {
        OneTicket one = new OneTicket();
        Ticket t = new DeadlineAssigningTicketStore(one.store(), DEADLINES)
                .updateIntake(7, IntakeUpdate.none().withKind(RequestKind.UNKNOWN));

        assertThat(CONFIG.line("complaints").orElseThrow().deadlines()).doesNotContainKey("unknown");
        assertThat(t.deadlines()).isEqualTo(DEADLINES.forTicket("complaints", RequestKind.COMPLAINT, ACCEPTED))
                .isNotEmpty();
    }

    @Test
    void updatesWithoutAKindOrWithTheirOwnDeadlinesPassThrough() {
        OneTicket one = new OneTicket();
        TicketStore store = new DeadlineAssigningTicketStore(one.store(), DEADLINES);
        store.updateIntake(7, IntakeUpdate.none().withLocation("B3-1201"));
        Map<String, Instant> own = Map.of("answer", ACCEPTED.plusSeconds(60));
        store.updateIntake(7, IntakeUpdate.none().withKind(RequestKind.INQUIRY).withDeadlines(own));

        assertThat(one.updates).hasSize(2);
        assertThat(one.ticket.deadlines()).isEqualTo(own);
    }

    @Test
    void settingTheSameKindAgainWritesNothingMore() {
        OneTicket one = new OneTicket();
        TicketStore store = new DeadlineAssigningTicketStore(one.store(), DEADLINES);
        store.updateIntake(7, IntakeUpdate.none().withKind(RequestKind.REPAIR));
        int writes = one.updates.size();
        store.updateIntake(7, IntakeUpdate.none().withKind(RequestKind.REPAIR));

        assertThat(writes).isEqualTo(2);
        assertThat(one.updates).hasSize(3);
        assertThat(one.ticket.deadlines()).containsKeys("dispatch", "resolve", "resolve.max", "callback");
    }

    /** A store whose dueBefore answers like the SQL one: any deadline before the instant, earliest first. */
    private static TicketStore storeOf(List<Ticket> tickets, List<Integer> asked) {
        return (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(),
                new Class<?>[] {TicketStore.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("dueBefore")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Instant before = (Instant) args[0];
                    int limit = (Integer) args[1];
                    asked.add(limit);
                    return tickets.stream()
                            .filter(t -> t.status().isOpen() && t.deadlines().values().stream().anyMatch(d -> d.isBefore(before)))
                            .sorted(java.util.Comparator.comparing((Ticket t) -> t.earliestDeadline().orElseThrow()))
                            .limit(limit).toList();
                });
    }

    private static Ticket complaint(long id, TicketStatus status) {
        return new Ticket.Builder().id(id).number("HL-2026-%06d".formatted(id)).line("complaints")
                .kind(RequestKind.COMPLAINT).status(status).createdAt(ACCEPTED).updatedAt(ACCEPTED)
                .deadlines(DEADLINES.forTicket("complaints", RequestKind.COMPLAINT, ACCEPTED)).build();
    }

    @Test
    void aStepTheTicketHasMetIsNoLongerOwed() {
        assertThat(DEADLINES.owed(complaint(1, TicketStatus.ACCEPTED)))
                .containsOnlyKeys("acknowledge", "plan", "resolve", "resolve.max", "callback");
        assertThat(DEADLINES.owed(complaint(1, TicketStatus.DISPATCHED)))
                .containsOnlyKeys("plan", "resolve", "resolve.max", "callback");
        assertThat(DEADLINES.owed(complaint(1, TicketStatus.IN_PROGRESS)))
                .containsOnlyKeys("resolve", "resolve.max", "callback");
        assertThat(DEADLINES.owed(complaint(1, TicketStatus.RESOLVED))).containsOnlyKeys("callback");
        assertThat(DEADLINES.owed(complaint(1, TicketStatus.CALLBACK))).isEmpty();
        assertThat(DEADLINES.owed(complaint(1, TicketStatus.CLOSED))).isEmpty();
        // a call that reached nobody has met nothing yet
        assertThat(DEADLINES.owed(complaint(1, TicketStatus.MISSED))).hasSize(5);
    }

    @Test
    void aDeadlineOutsideThePolicyIsMetWhereItsNameSays() {
        Ticket t = complaint(1, TicketStatus.RESOLVED).toBuilder()
                .deadlines(Map.of("answer", ACCEPTED, "survey", ACCEPTED)).build();
        assertThat(DEADLINES.owed(t)).containsOnlyKeys("survey");
    }

    @Test
    void overdueListsOnlyTicketsThatStillOweAStepThatIsLate() {
        Instant friday = Instant.parse("2026-11-27T02:00:00Z"); // acknowledge, plan and resolve are late
        List<Ticket> tickets = List.of(complaint(1, TicketStatus.RESOLVED), complaint(2, TicketStatus.DISPATCHED),
                complaint(3, TicketStatus.ACCEPTED), complaint(4, TicketStatus.CALLBACK));
        List<Integer> asked = new ArrayList<>();
        List<Ticket> overdue = new DeadlineAssigningTicketStore(storeOf(tickets, asked), DEADLINES)
                .dueBefore(friday, 10, null);

        assertThat(overdue).extracting(Ticket::id).containsExactly(3L, 2L);
        assertThat(overdue.get(0).deadlines()).containsKeys("acknowledge", "plan");
        assertThat(overdue.get(1).deadlines()).doesNotContainKey("acknowledge")
                .containsEntry("plan", Instant.parse("2026-11-25T02:00:00Z"));
        assertThat(overdue.get(1).earliestDeadline()).contains(Instant.parse("2026-11-25T02:00:00Z"));
    }

    @Test
    void asksTheStoreForMoreWhileTooFewTicketsStillOweSomething() {
        Instant friday = Instant.parse("2026-11-27T02:00:00Z");
        List<Ticket> tickets = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            tickets.add(complaint(id, id <= 25 ? TicketStatus.CALLBACK : TicketStatus.ACCEPTED));
        }
        List<Integer> asked = new ArrayList<>();
        List<Ticket> overdue = new DeadlineAssigningTicketStore(storeOf(tickets, asked), DEADLINES)
                .dueBefore(friday, 2, null);

        assertThat(overdue).extracting(Ticket::id).containsExactly(26L, 27L);
        assertThat(asked).containsExactly(8, 32);
    }
}
