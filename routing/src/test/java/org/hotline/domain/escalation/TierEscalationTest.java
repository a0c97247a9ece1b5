package org.hotline.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.domain.config.ComplaintTier;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.LinkReason;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.junit.jupiter.api.Test;

/** Links between a caller's tickets: an agent's, and the automatic one of an escalation to the next tier. */
class TierEscalationTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Actor ALICE = new Actor("alice", Role.AGENT);
    private final MutableClock clock = new MutableClock(local("2026-05-04T09:00"), SHANGHAI);
    private final InMemoryTickets memory = new InMemoryTickets(clock);
    private final ComplaintTiers tiers = new ComplaintTiers(Map.of("site", ComplaintTier.PROJECT,
            "area", ComplaintTier.AREA, "hq", ComplaintTier.COMPANY), new RepeatRule(SHANGHAI));
    private final TierEscalationTicketStore tickets = new TierEscalationTicketStore(memory, tiers);

    private static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
    }

    private Ticket call(String line, String caller, String at) {
        clock.set(local(at));
        return tickets.openForCall(new CallIntake(line, caller, null, "u-" + at, "l-" + at, local(at), null));
    }

    @Test
    void aCallerWhoRingsTheNextTierIsLinkedToTheirEarlierTicketAndItsHistorySaysSo() {
        Ticket site = call("site", "13911112222", "2026-05-04T09:00");
        Ticket other = call("site", "13800000000", "2026-05-04T10:00");
        Ticket area = call("area", "13911112222", "2026-05-06T09:00");
        assertThat(area.linkedTo()).isEqualTo(site.id());
        assertThat(area.linkReason()).isEqualTo(LinkReason.ESCALATION);
        HistoryEvent link = last(area);
        assertThat(link.action()).isEqualTo("link-earlier");
        assertThat(link.actor()).isEqualTo(ComplaintTiers.ACTOR.id());
        assertThat(link.data()).containsEntry("earlier", site.number()).containsEntry("reason", "escalation");
        HistoryEvent escalated = last(site);
        assertThat(escalated.action()).isEqualTo("escalated");
        assertThat(escalated.data()).containsEntry("later", area.number());
        assertThat(memory.history(other.id())).hasSize(1);

        // the company line then links to the newest lower-tier ticket: the area one
        Ticket hq = call("hq", "13911112222", "2026-05-08T09:00");
        assertThat(hq.linkedTo()).isEqualTo(area.id());
    }

    @Test
    void noLinkFromTheProjectLineAcrossAQuarterOrFromANonTierLine() {
        call("site", "13911112222", "2026-03-31T09:00");
        assertThat(call("area", "13911112222", "2026-04-01T09:00").linkedTo()).as("previous quarter").isNull();
        call("complaints", "13922223333", "2026-05-04T09:00");
        assertThat(call("area", "13922223333", "2026-05-05T09:00").linkedTo()).as("no tier").isNull();
        call("area", "13933334444", "2026-05-04T09:00");
        assertThat(call("site", "13933334444", "2026-05-05T09:00").linkedTo()).as("downwards").isNull();
        assertThat(call("area", "13933334444", "2026-05-06T09:00").linkedTo()).as("same tier").isNull();
    }

    @Test
    void anAgentLinksTheSameCallersEarlierTicketAndIsRefusedOtherwise() {
        Ticket first = memory.put(ticket(1, "13911112222", null, "2026-05-01T09:00"));
        Ticket later = memory.put(ticket(2, "13700000000", "13911112222", "2026-05-03T09:00"));
        Ticket stranger = memory.put(ticket(3, "13800000000", null, "2026-05-02T09:00"));
        assertThatThrownBy(() -> link(later, later)).isInstanceOf(TransitionRefusedException.class)
                .hasMessageContaining("itself");
        assertThatThrownBy(() -> link(later, stranger)).isInstanceOf(TransitionRefusedException.class)
                .hasMessageContaining("another caller's");
        assertThatThrownBy(() -> link(first, later)).isInstanceOf(TransitionRefusedException.class)
                .hasMessageContaining("accepted after this one");
        Ticket linked = link(later, first);
        assertThat(linked.linkedTo()).isEqualTo(1L);
        assertThat(linked.linkReason()).isEqualTo(LinkReason.SAME_ISSUE);
        assertThat(linked.owner()).isEqualTo("alice");
        assertThat(last(first).action()).isEqualTo("linked-later");
        assertThat(last(first).actor()).isEqualTo("alice");
        assertThat(last(first).data()).containsEntry("later", "HL-2").containsEntry("reason", "same-issue");
    }

    @Test
    void escalationNeedsALowerTierBelowTheLaterTicketsLine() {
        Ticket site = ticket(1, "139", null, "2026-05-01T09:00").toBuilder().line("site").build();
        Ticket area = ticket(2, "139", null, "2026-05-02T09:00").toBuilder().line("area").build();
        Ticket plain = ticket(3, "139", null, "2026-05-03T09:00");
        assertThat(tiers.whyNotEscalation(area, site)).isEmpty();
        assertThat(tiers.whyNotEscalation(site, area)).get().asString().contains("not below");
        assertThat(tiers.whyNotEscalation(plain, site)).get().asString().contains("no tier of complaint line");
    }

    private Ticket link(Ticket later, Ticket earlier) {
        Ticket now = memory.find(later.id()).orElseThrow();
        return tickets.apply(now.id(), now.version(), ALICE,
                new TicketAction.LinkEarlier(earlier, LinkReason.SAME_ISSUE, "same leak"));
    }

    private HistoryEvent last(Ticket t) {
        List<HistoryEvent> h = memory.history(t.id());
        return h.get(h.size() - 1);
    }

    private static Ticket ticket(long id, String caller, String callback, String at) {
        return new Ticket.Builder().id(id).number("HL-" + id).line("complaints").kind(RequestKind.COMPLAINT)
                .callerNumber(caller).callbackNumber(callback).createdAt(local(at)).updatedAt(local(at)).build();
    }
}
