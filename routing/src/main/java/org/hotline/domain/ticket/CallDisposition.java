package org.hotline.domain.ticket;

/** What last happened to the call behind a ticket, as reported by {@link CallOutcome}. */
public enum CallDisposition {
    QUEUED,
    ANSWERED,
    FORWARDED,
    NO_ANSWER,
    ABANDONED,
    VOICEMAIL
}
