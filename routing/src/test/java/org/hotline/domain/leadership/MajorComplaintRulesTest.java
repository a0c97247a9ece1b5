package org.hotline.domain.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.Test;

/** The rules' repeat caller is the domain's: the same issue again this quarter, not any earlier complaint. */
class MajorComplaintRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final MutableClock clock = new MutableClock(local("2026-05-20T09:00"), SHANGHAI);
    private final InMemoryTickets tickets = new InMemoryTickets(clock);
    private final MajorComplaintRules rules = new MajorComplaintRules(Set.of(RequestKind.URGENT), true);

    private static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
    }

    private Ticket complaint(long id, String at, String location) {
        return tickets.put(new Ticket.Builder().id(id).number("HL-" + id).line("complaints").kind(RequestKind.COMPLAINT)
                .callerNumber("13911112222").location(location).createdAt(local(at)).updatedAt(local(at)).build());
    }

    @Test
    void aComplaintAboutTheSameIssueAgainThisQuarterIsMajorAnotherIssueOrQuarterIsNot() {
        complaint(1, "2026-03-30T10:00", "3-2-101");                    // last quarter
        Ticket elsewhere = complaint(2, "2026-04-10T10:00", "gate");
        assertThat(rules.reason(elsewhere, tickets)).isEmpty();
        Ticket again = complaint(3, "2026-05-19T10:00", "3-2-101");
        assertThat(rules.reason(again, tickets)).as("the March complaint is another quarter").isEmpty();
        Ticket thirdTime = complaint(4, "2026-05-20T08:00", "3-2-101");
        assertThat(rules.reason(thirdTime, tickets)).get().asString().contains("repeat caller");
        assertThat(new MajorComplaintRules(Set.of(RequestKind.URGENT), false).reason(thirdTime, tickets)).isEmpty();
    }
}
