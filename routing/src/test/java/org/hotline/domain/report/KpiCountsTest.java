package org.hotline.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/** What a store keeps of {@link KpiCounts}, and when a ticket's counts stop depending on the moment. */
class KpiCountsTest {
    private static final Instant T = Instant.parse("2026-03-02T01:30:00Z");

    /** A dispatched complaint answered after 12 s, dispatch due at +1 h, resolve due at +1 day. */
    private static TicketFacts facts(Map<TicketStatus, Instant> reached) {
        return new TicketFacts(7, "complaints", RequestKind.COMPLAINT, "water", false, "13900000001", null, "1201", null,
                T,
                T.plusSeconds(3), true, T.plusSeconds(15), "lin", TicketFacts.AnsweredAs.AGENT, null, null, null, false,
                reached, Map.of("dispatch", T.plus(Duration.ofHours(1)), "resolve", T.plus(Duration.ofDays(1))), 2, 1,
                CallbackResult.UNSATISFIED, true);
    }

    @Test
    void theValuesAreEveryCountAndGiveTheSameKpisBack() {
        KpiCounts c = new KpiCounts().add(facts(Map.of(TicketStatus.DISPATCHED, T.plusSeconds(600),
                TicketStatus.RESOLVED, T.plus(Duration.ofDays(2)))), StepRule.DEFAULTS, T.plus(Duration.ofDays(3)));
        long[] v = c.values();
        assertThat(v).hasSize(KpiCounts.SIZE);
        assertThat(KpiCounts.of(v).kpis()).isEqualTo(c.kpis());
        assertThat(KpiCounts.of(v).values()).containsExactly(v);
        // every field is in the values: the ticket sets most of them, and each shows up
        assertThat(v[0]).as("tickets").isEqualTo(1);
        assertThat(v[5]).as("wait millis").isEqualTo(12_000);
        assertThat(c.kpis().stepsDecided()).isEqualTo(2);
        assertThat(c.kpis().stepsOnTime()).isEqualTo(1);
        assertThat(c.kpis().redispatched()).isEqualTo(1);
        assertThat(c.kpis().repeatComplaints()).isEqualTo(1);
        assertThatThrownBy(() -> KpiCounts.of(new long[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subtractingTakesBackWhatAddingGave() {
        TicketFacts f = facts(Map.of());
        KpiCounts c = new KpiCounts().add(f, StepRule.DEFAULTS, T);
        KpiCounts twice = new KpiCounts().add(c).add(c);
        assertThat(twice.subtract(c).values()).containsExactly(c.values());
        assertThat(twice.subtract(c).isZero()).isTrue();
        assertThat(c.isZero()).isFalse();
    }

    @Test
    void aTicketsCountsDependOnTheMomentUntilItsLastUnmetStepFallsDue() {
        TicketFacts open = facts(Map.of());
        Instant resolveDue = T.plus(Duration.ofDays(1));
        assertThat(KpiCounts.undecidedUntil(open, StepRule.DEFAULTS)).isEqualTo(resolveDue);
        TicketFacts dispatched = facts(Map.of(TicketStatus.DISPATCHED, T.plusSeconds(600)));
        assertThat(KpiCounts.undecidedUntil(dispatched, StepRule.DEFAULTS)).isEqualTo(resolveDue);
        TicketFacts done = facts(Map.of(TicketStatus.DISPATCHED, T.plusSeconds(600),
                TicketStatus.RESOLVED, T.plus(Duration.ofDays(3))));
        assertThat(KpiCounts.undecidedUntil(done, StepRule.DEFAULTS)).isNull();
        // another rule: resolve is met only by closing, so it is still unmet
        StepRule closing = (line, kind, step) -> step.equals("resolve") ? TicketStatus.CLOSED : TicketStatus.DISPATCHED;
        assertThat(KpiCounts.undecidedUntil(done, closing)).isEqualTo(resolveDue);

        // from then on, any later moment counts the same as the end of time; just before, not
        KpiCounts atEnd = new KpiCounts().add(dispatched, StepRule.DEFAULTS, Instant.MAX);
        assertThat(new KpiCounts().add(dispatched, StepRule.DEFAULTS, resolveDue).values()).containsExactly(atEnd.values());
        assertThat(new KpiCounts().add(dispatched, StepRule.DEFAULTS, resolveDue.minusMillis(1)).values())
                .isNotEqualTo(atEnd.values());
    }
}
