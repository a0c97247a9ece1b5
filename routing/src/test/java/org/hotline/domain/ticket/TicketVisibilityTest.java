package org.hotline.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one visibility policy, {@link Ticket#visibleTo}: confidentiality, then an agent's reach. */
class TicketVisibilityTest {
    private static final Instant NOW = Instant.parse("2026-03-04T02:00:00Z");
    private static final Actor DESK_AGENT = new Actor("alice", Role.AGENT, Set.of("service"), "service-desk");
    private static final Actor FREE_AGENT = new Actor("bob", Role.AGENT);
    private static final Actor DEPT_ONLY = new Actor("dora", Role.AGENT, Set.of(), "service-desk");
    private static final Actor SUPERVISOR = new Actor("sam", Role.SUPERVISOR, Set.of("service"), "service-desk");
    private static final Actor TIP = new Actor("tina", Role.TIP_OFF_HANDLER);

    private static Ticket ticket(String line, String department, String owner, boolean confidential) {
        return new Ticket.Builder().id(1).number("T-1").line(line).status(TicketStatus.ACCEPTED).urgency(Urgency.NORMAL)
                .createdAt(NOW).updatedAt(NOW).department(department).owner(owner).confidential(confidential).build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(ticket("service", null, null, false), DESK_AGENT, true, "their line"),
                Arguments.of(ticket("complaints", null, null, false), DESK_AGENT, false, "another line"),
                Arguments.of(ticket("complaints", "service-desk", null, false), DESK_AGENT, true, "their department's"),
                Arguments.of(ticket("complaints", "engineering", "alice", false), DESK_AGENT, true, "their own"),
                Arguments.of(ticket("complaints", "engineering", null, false), FREE_AGENT, true, "no department: every line"),
                Arguments.of(ticket("complaints", "engineering", null, false), DEPT_ONLY, true, "a department naming no lines: every line"),
                Arguments.of(ticket("complaints", null, null, false), SUPERVISOR, true, "only agents are limited"),
                Arguments.of(ticket("service", null, null, true), DESK_AGENT, false, "a tip-off on their line"),
                Arguments.of(ticket("service", null, null, true), SUPERVISOR, false, "a supervisor is no tip-off handler"),
                Arguments.of(ticket("complaints", null, null, true), TIP, true, "tip-off handler"),
                Arguments.of(ticket("complaints", null, "alice", true), DESK_AGENT, true, "a tip-off they own"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("cases")
    void visibility(Ticket t, Actor viewer, boolean visible, String why) {
        assertThat(t.visibleTo(viewer)).as(why).isEqualTo(visible);
    }
}
