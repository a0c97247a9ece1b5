package org.hotline.domain.ticket;

import org.hotline.domain.store.TicketStore;
import java.time.Duration;

/**
 * How far back a request counts as a repeat of an earlier one from the same caller and of the
 * same kind (for example 30 days). Configuration, passed to {@link TicketStore#callerHistory}.
 */
public record RepeatPolicy(Duration window) {
    public RepeatPolicy {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the repeat window must be a positive duration, was " + window);
        }
    }

    /** The default: 30 days. */
    public static RepeatPolicy defaults() {
        return new RepeatPolicy(Duration.ofDays(30));
    }
}
