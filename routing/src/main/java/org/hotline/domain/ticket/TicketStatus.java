package org.hotline.domain.ticket;

/**
 * Where a ticket is in its life; see {@link TicketLifecycle} for the allowed moves. A
 * re-dispatch is not a state of its own: the ticket goes back to {@link #DISPATCHED} with its
 * dispatch count incremented.
 */
public enum TicketStatus {
    /** Written into the record: the call is being taken or was taken. */
    ACCEPTED,
    /** Sent to the responsible department (first, second or third dispatch). */
    DISPATCHED,
    /** The department is working on it. */
    IN_PROGRESS,
    /** The department recorded what it did and who did it. */
    RESOLVED,
    /** The caller was called back (satisfied, not satisfied, or not reached). */
    CALLBACK,
    /** Done: the caller is satisfied or accepted the explanation. Terminal. */
    CLOSED,
    /** The caller hung up before reaching anyone; what was captured is kept. */
    ABANDONED,
    /** The call reached nobody (no answer, voicemail): someone must call back. */
    MISSED;

    /** Whether the ticket still needs work ({@link #CLOSED} is the only terminal state). */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
