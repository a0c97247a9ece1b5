package org.hotline.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.config.DueRule;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/** The configured done-at as the reports' rule: its answers, and a fingerprint that changes with them. */
class PolicyStepRuleTest {

    private static StepRule rule(HotlineConfig config) {
        return new PolicyDeadlines(config, new DeadlineCalculator(new WorkingCalendar(config.calendar(), config.zone())))
                .stepRule();
    }

    @Test
    void theRuleAnswersAsThePoliciesAndItsFingerprintFollowsTheirDoneAt() {
        HotlineConfig example = HotlineConfigBuilder.example().build();
        StepRule r = rule(example);
        assertThat(r.doneAt("complaints", RequestKind.COMPLAINT, "plan")).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(r.doneAt("complaints", null, "resolve")).isEqualTo(TicketStatus.RESOLVED);
        assertThat(r.fingerprint()).isEqualTo(rule(HotlineConfigBuilder.example().build()).fingerprint())
                .contains("complaints/COMPLAINT/plan=IN_PROGRESS").isNotEqualTo(StepRule.DEFAULTS.fingerprint());

        // the repair policy's resolve step now met only by closing: another answer, another fingerprint
        HotlineConfig changed = HotlineConfigBuilder.example().policy("repair",
                DeadlineStep.of("dispatch", "4 working hours"),
                new DeadlineStep("resolve", DueRule.parse("end of next working day"), Optional.empty(), Optional.empty(),
                        TicketStatus.CLOSED)).build();
        StepRule c = rule(changed);
        assertThat(c.doneAt("complaints", RequestKind.REPAIR, "resolve")).isEqualTo(TicketStatus.CLOSED);
        assertThat(c.fingerprint()).isNotEqualTo(r.fingerprint());
    }
}
