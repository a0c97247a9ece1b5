package org.hotline.domain.ticket;

/**
 * What last happened to the call behind a ticket, as reported by {@link CallOutcome}. Each value
 * says what is known, never more:
 * <ul>
 *   <li>{@link #QUEUED}: put in the line's Asterisk queue; {@link #FORWARDED}: a duty phone is
 *       being rung; both are steps, followed by one of the others;</li>
 *   <li>{@link #ANSWERED}: a person took the call (by the flow, or by the dialplan's fallback as
 *       followed over AMI);</li>
 *   <li>{@link #VOICEMAIL}: the caller left a message (a recording or a voicemail-box message;
 *       the ticket's {@code voiceMessageRef} says where), nobody answered: call back;</li>
 *   <li>{@link #NO_ANSWER}: nobody answered and no message was left: call back;</li>
 *   <li>{@link #ABANDONED}: the <em>caller hung up</em> (Asterisk said so: {@code HANGUP},
 *       {@code 511}, a {@code CANCEL} dial status). Nothing else is ever recorded as abandoned;</li>
 *   <li>{@link #INTERRUPTED}: the IVR could not finish the call for a reason other than the
 *       caller: a dependency (ticket store, router) missed its deadline, the FastAGI connection
 *       closed without a hangup (a failed command, the service stopping), or the dialplan's
 *       fallback reported it ({@code UserEvent(HotlineFallback)} with the ticket). The dialplan's
 *       fallback then still reaches a queue, a duty phone or voicemail, and what it achieved
 *       replaces this value when it is followed (answered, voicemail, no answer). A ticket left
 *       at INTERRUPTED is flagged for call-back and has a kind ({@link RequestKind#UNKNOWN} when
 *       none was chosen) and deadlines, so the deadline watcher escalates it.</li>
 * </ul>
 * Stored by name (PostgreSQL {@code tickets.call_disposition}).
 */
public enum CallDisposition {
    QUEUED,
    ANSWERED,
    FORWARDED,
    NO_ANSWER,
    ABANDONED,
    VOICEMAIL,
    INTERRUPTED
}
