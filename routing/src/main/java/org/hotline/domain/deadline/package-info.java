/**
 * Working-time deadlines: {@code DeadlineCalculator} (the due instant of each policy step),
 * {@code DeadlineAssigningTicketStore} (new tickets get theirs) and {@code DeadlineWatcher}
 * (reminders and escalations when a step is at risk or missed).
 */
package org.hotline.domain.deadline;
