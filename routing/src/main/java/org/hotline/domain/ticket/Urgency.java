package org.hotline.domain.ticket;

/**
 * How urgent a ticket is. Dispatch queues serve higher urgency first, then the earliest deadline.
 */
public enum Urgency {
    LOW,
    NORMAL,
    HIGH,
    /** Urgent help: safety, outages, ongoing violations; dispatched the same day. */
    EMERGENCY;

    /** The urgency a new ticket of {@code kind} starts with ({@code null} kind: not chosen yet). */
    public static Urgency defaultFor(RequestKind kind) {
        return kind == RequestKind.URGENT ? EMERGENCY : NORMAL;
    }
}
