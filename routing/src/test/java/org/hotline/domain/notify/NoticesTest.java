package org.hotline.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.leadership.MajorComplaintRules;
import org.hotline.domain.leadership.MajorComplaintTicketStore;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.hotline.domain.ticket.User;
import org.hotline.domain.testing.FixedUsers;
import org.hotline.domain.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

class NoticesTest {
    /** Monday 2 March 2026, 23:30 in Shanghai: quiet hours for Wang. */
    static final Instant NIGHT = Instant.parse("2026-03-02T15:30:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final Clock clock = Clock.fixed(NIGHT, ZoneOffset.UTC);
    final RecordingOutbox outbox = new RecordingOutbox();
    final org.hotline.domain.testing.InMemoryAlerts alerts = new org.hotline.domain.testing.InMemoryAlerts();
    final List<User> people = List.of(
            new User("li", "Li", Role.SENIOR_MANAGER, "x", null, true),
            new User("old", "Old", Role.SENIOR_MANAGER, "x", null, false),
            new User("sam", "Sam", Role.SUPERVISOR, "x", null, true),
            new User("wang", "Wang", Role.AGENT, "x", null, true));
    final UserStore users = new FixedUsers(people);
    final Map<String, Contact> contacts = Map.of(
            "li", new Contact("li", Optional.of("li@example.org"), Optional.of("13800000009"), Optional.empty(), Optional.empty()),
            "old", new Contact("old", Optional.of("old@example.org"), Optional.empty(), Optional.empty(), Optional.empty()),
            "wang", new Contact("wang", Optional.of("wang@example.org"), Optional.empty(),
                    Optional.of(LocalTime.of(22, 0)), Optional.of(LocalTime.of(7, 0))));
    final Notices notices = new Notices(new Notifier(outbox, alerts, contacts, ZONE, clock), users);

    static Ticket ticket(long id, String owner) {
        return new Ticket.Builder().id(id).number("HL-2026-00000" + id).line("complaints").kind(RequestKind.COMPLAINT)
                .status(TicketStatus.DISPATCHED).owner(owner).dispatchCount(3).escalated(true).department("eng")
                .createdAt(NIGHT).updatedAt(NIGHT).version(1).build();
    }

    @Test
    void anEscalationGoesToEveryActiveSeniorManagerOnEachChannelAtOnceAndOnce() {
        notices.escalated(ticket(7, "wang"), "third dispatch");
        notices.escalated(ticket(7, "wang"), "third dispatch"); // raised again: nothing new
        assertThat(outbox.enqueued()).extracting(e -> e.notification().key())
                .containsExactly("escalation/7/3/li/email", "escalation/7/3/li/webhook");
        assertThat(outbox.enqueued()).allSatisfy(e -> assertThat(e.notBefore()).isEqualTo(NIGHT));
    }

    @Test
    void everyNoticeIsRaisedOnceAsAnAlertEvenForPeopleWithoutAContact() {
        notices.escalated(ticket(7, "wang"), "third dispatch");
        notices.escalated(ticket(7, "wang"), "third dispatch");
        notices.major(ticket(8, null), "urgent kind");
        // sam has no contact: nothing to mail, but the alert is kept for the panel
        notices.morningList(java.time.LocalDate.of(2026, 3, 3), NIGHT, NIGHT.plus(Duration.ofHours(8)), List.of());
        assertThat(alerts.all()).extracting(a -> a.key() + " " + a.kind() + " " + a.ticketId() + " " + a.recipients())
                .containsExactly("escalation/7/3 escalation 7 [li]", "major/8 major-complaint 8 [li]",
                        "morning-list/2026-03-03 morning-list 0 [sam]");
        assertThat(alerts.all()).allSatisfy(a -> {
            assertThat(a.acknowledged()).isFalse();
            assertThat(a.raisedAt()).isEqualTo(NIGHT);
        });
        assertThat(alerts.all().get(0).urgent()).isTrue();
        assertThat(alerts.all().get(2).urgent()).isFalse();
    }

    @Test
    void somethingNotUrgentWaitsForTheEndOfThePersonsQuietHours() {
        var call = new org.hotline.domain.survey.SurveyCall(7, 1, "HL-2026-000007", "13900000001",
                org.hotline.domain.survey.SurveyCall.State.FAILED, 3, 3, NIGHT, "not reached", NIGHT);
        notices.callbackFailed(call, ticket(7, "wang"));
        assertThat(outbox.enqueued()).singleElement().satisfies(e -> {
            assertThat(e.notification().recipient()).isEqualTo("wang");
            assertThat(e.notBefore()).isEqualTo(Instant.parse("2026-03-02T23:00:00Z")); // 07:00 Shanghai
        });
    }

    @Test
    void theRulesFlagAnUrgentRequestOnceAndAnAgentsFlagIsReportedToo() {
        InMemoryTickets tickets = new InMemoryTickets(clock);
        tickets.put(ticket(1, "wang").toBuilder().escalated(false).dispatchCount(1).kind(null).status(TicketStatus.ACCEPTED)
                .build());
        tickets.put(ticket(2, "wang").toBuilder().escalated(false).dispatchCount(1).build());
        List<String> told = new ArrayList<>();
        MajorComplaintTicketStore store = new MajorComplaintTicketStore(tickets,
                new MajorComplaintRules(Set.of(RequestKind.URGENT), false),
                (t, why) -> told.add(t.number() + ": " + why));
        Actor wang = new Actor("wang", Role.AGENT);

        Ticket t1 = store.apply(1, 1, wang, new TicketAction.EditIntake(IntakeUpdate.none().withKind(RequestKind.URGENT)));
        store.apply(1, t1.version(), wang, new TicketAction.EditIntake(IntakeUpdate.none().withKind(RequestKind.URGENT)));
        Ticket t2 = store.apply(2, 1, wang, new TicketAction.FlagMajor("third call about the gas smell"));
        assertThatThrownBy(() -> store.apply(2, t2.version(), wang, new TicketAction.FlagMajor("again")))
                .isInstanceOf(TransitionRefusedException.class);
        assertThat(told).containsExactly("HL-2026-000001: the kind of request is urgent", "HL-2026-000002: third call about the gas smell");
        assertThat(store.flagged(1)).isTrue();
    }
}
