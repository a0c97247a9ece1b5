package org.hotline.domain.ticket;

/** What last happened to the call behind a ticket, as reported by {@link CallOutcome}. */
public enum CallDisposition {
    QUEUED,
    ANSWERED,
    FORWARDED,
    NO_ANSWER,
    ABANDONED,
    VOICEMAIL,
    /**
     * The service never ran the call (it was down, killed or cut off before a ticket): the ticket
     * was opened afterwards from Asterisk's call record, and its history says what the dialplan's
     * fallback did (answered by whom, a voicemail box, or nobody).
     */
    MISSED
}
