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
    StepRule DEFAULTS = (line, kind, step) -> DeadlineStep.defaultDoneAt(step);

    /** The status that meets {@code step} on a ticket of {@code kind} (may be {@code null}) on {@code line}. */
    TicketStatus doneAt(String line, RequestKind kind, String step);
}
