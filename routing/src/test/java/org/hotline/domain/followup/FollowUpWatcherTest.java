package org.hotline.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.junit.jupiter.api.Test;

class FollowUpWatcherTest {
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    static final Actor ALICE = new Actor("alice", Role.AGENT);

    Instant now = T0;
    final Clock clock = new Clock() {
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId z) { return this; }
        public Instant instant() { return now; }
    };
    final InMemoryTickets tickets = new InMemoryTickets(clock);
    final List<String> published = new ArrayList<>();
    final EventStream events = new EventStream() {
        public String publish(String streamKey, Map<String, String> event) {
            published.add(streamKey + " " + event.get("type") + " " + event.get("ticketNumber"));
            return "1-0";
        }
        public List<StreamEntry> readAfter(String streamKey, String lastId, int max) { return List.of(); }
        public List<StreamEntry> readBlocking(String streamKey, String lastId, int max, Duration timeout) { return List.of(); }
        public String lastId(String streamKey) { return START; }
        public java.util.Optional<String> publishOnce(String streamKey, String onceKey, Duration window,
                                                      Map<String, String> event) {
            return java.util.Optional.of(publish(streamKey, event));
        }
    };
    final List<String> notified = new ArrayList<>();
    final FollowUpWatcher watcher = new FollowUpWatcher(tickets, events, Duration.ofDays(3), clock,
            (t, since) -> notified.add(t.number() + " since " + since));

    Ticket inProgress(long id) {
        return tickets.put(new Ticket.Builder().id(id).number("HL-2026-00000" + id).line("complaints")
                .kind(RequestKind.COMPLAINT).status(TicketStatus.IN_PROGRESS).owner("alice").department("eng")
                .dispatchCount(1).createdAt(T0).updatedAt(T0).version(1).build());
    }

    @Test
    void theOwnerIsRemindedEveryThreeDaysWithoutFollowUpUntilResolved() {
        inProgress(1);
        now = T0.plus(Duration.ofDays(2));
        assertThat(watcher.scan()).isEmpty();
        now = T0.plus(Duration.ofDays(3));
        assertThat(watcher.scan()).hasSize(1);
        assertThat(watcher.scan()).as("once per period").isEmpty();
        assertThat(published).containsExactly(EventStream.agentKey("alice") + " follow-up HL-2026-000001");
        assertThat(notified).containsExactly("HL-2026-000001 since " + T0);

        now = T0.plus(Duration.ofDays(4)); // the owner follows up: the period starts again
        Ticket t = tickets.find(1).orElseThrow();
        tickets.apply(1, t.version(), ALICE, new TicketAction.AddNote("called the contractor"));
        now = T0.plus(Duration.ofDays(6));
        assertThat(watcher.scan()).isEmpty();
        now = T0.plus(Duration.ofDays(7));
        assertThat(watcher.scan()).hasSize(1);

        t = tickets.find(1).orElseThrow();
        tickets.apply(1, t.version(), ALICE, new TicketAction.Resolve("pump replaced", "eng"));
        now = T0.plus(Duration.ofDays(30));
        assertThat(watcher.scan()).as("resolved: no more reminders").isEmpty();
    }

    @Test
    void aProgressReplyPromisesTheNextDeadlineAndOnlyASupervisorPromisesBeyondTheMax() {
        Instant max = T0.plus(Duration.ofDays(7));
        Ticket t = tickets.put(inProgress(2).toBuilder().deadlines(Map.of("resolve", T0.plus(Duration.ofDays(2)),
                "resolve.max", max)).build());
        Instant promised = T0.plus(Duration.ofDays(5));
        Ticket after = tickets.apply(2, t.version(), ALICE, new TicketAction.ProgressReply(
                "parts are on order; we will call by Friday", promised));
        assertThat(after.deadlines()).containsEntry("resolve", promised).containsEntry("resolve.max", max);

        Ticket current = after;
        assertThatThrownBy(() -> tickets.apply(2, current.version(), ALICE, new TicketAction.ProgressReply(
                "next month", max.plusSeconds(1)))).isInstanceOf(TransitionRefusedException.class)
                .hasMessageContaining("a supervisor must agree");
        assertThatThrownBy(() -> tickets.apply(2, current.version(), ALICE, new TicketAction.RecordPlan(
                "replace the building", max.plusSeconds(1)))).isInstanceOf(TransitionRefusedException.class);
        Ticket agreed = tickets.apply(2, current.version(), new Actor("sam", Role.SUPERVISOR),
                new TicketAction.ProgressReply("next month, agreed with the director", max.plusSeconds(1)));
        assertThat(agreed.deadlines()).containsEntry("resolve", max.plusSeconds(1));
        assertThatThrownBy(() -> tickets.apply(2, agreed.version(), ALICE, new TicketAction.ProgressReply(" ", promised)))
                .isInstanceOf(TransitionRefusedException.class).hasMessageContaining("what the caller was told");
    }
}
