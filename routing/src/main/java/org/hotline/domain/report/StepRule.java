package org.hotline.domain.report;

import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.TicketStatus;

/**
 * Where a deadline step of a ticket is met: the status the ticket must reach (the policy's
 * {@code done-at}). {@code org.hotline.domain.deadline.PolicyDeadlines} answers from the
 * configuration; {@link #DEFAULTS} from the step's name alone.
 */
@FunctionalInterface
public interface StepRule {

    /** By name only ({@link DeadlineStep#defaultDoneAt}). */
    StepRule DEFAULTS = new StepRule() {
        @Override
        public TicketStatus doneAt(String line, RequestKind kind, String step) {
            return DeadlineStep.defaultDoneAt(step);
        }

        @Override
        public String fingerprint() {
            return "defaults";
        }
    };

    /** The status that meets {@code step} on a ticket of {@code kind} (may be {@code null}) on {@code line}. */
    TicketStatus doneAt(String line, RequestKind kind, String step);

    /**
     * What decides this rule's answers, as text: the same for two rules that answer alike, and
     * different when an answer changes (the stored daily sums are counted again when it does).
     * The default is the rule's class name, which for a lambda may change from run to run: sums
     * kept with such a rule are counted again at every start.
     */
    default String fingerprint() {
        return getClass().getName();
    }
}
