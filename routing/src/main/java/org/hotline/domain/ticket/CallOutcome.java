package org.hotline.domain.ticket;

import org.hotline.domain.store.TicketStore;

/**
 * What happened to the call behind a ticket, reported by the IVR or AMI through
 * {@link TicketStore#recordCallOutcome(long, CallOutcome)}. Reporting the same outcome twice
 * changes nothing twice. Effects (see {@link TicketLifecycle#onCallOutcome}):
 * <ul>
 *   <li>{@link Queued}, {@link Forwarded}: recorded, state unchanged;</li>
 *   <li>{@link Answered}: the answering person becomes owner if there is none (first responder);</li>
 *   <li>{@link NoAnswer}, {@link Voicemail}: call-back requested, ACCEPTED becomes MISSED;</li>
 *   <li>{@link Abandoned}: ACCEPTED becomes ABANDONED; call-back requested when the caller had
 *       already chosen a kind of request.</li>
 *   <li>{@link Missed}: answered by someone: recorded as forwarded to them (an agent becomes
 *       owner if there is none); answered by nobody: call-back requested, ACCEPTED becomes MISSED.</li>
 * </ul>
 */
public sealed interface CallOutcome {

    CallDisposition disposition();

    /** Put in the line's Asterisk queue. */
    record Queued(String queue) implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.QUEUED; }
    }

    /** Answered by a panel user (agent) or a person id (duty staff). */
    record Answered(String by) implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.ANSWERED; }
    }

    /** Forwarded to a person (duty manager A/B, lunch duty) at a configured number. */
    record Forwarded(String personId, String number) implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.FORWARDED; }
    }

    /** Nobody answered and no message was left. */
    record NoAnswer() implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.NO_ANSWER; }
    }

    /** The caller hung up early; what was captured is already on the ticket. */
    record Abandoned() implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.ABANDONED; }
    }

    /** The caller left a voice message ({@code ref}: the recording's file name). */
    record Voicemail(String ref) implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.VOICEMAIL; }
    }

    /**
     * A call the service never ran, reconciled from Asterisk's call record: what the dialplan's
     * fallback did.
     *
     * @param answeredBy who answered through the fallback (a person id, a panel user, or the Asterisk
     *                   device or dial string when it is neither), {@code null}: nobody
     * @param agent      the panel user whose phone answered, {@code null} when it was not an agent's phone
     * @param voicemail  the voicemail box the caller reached ({@code complaints@hotline}), {@code null}: none
     */
    record Missed(String answeredBy, String agent, String voicemail) implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.MISSED; }

        /** Whether somebody must call the caller back: nobody answered. */
        public boolean needsCallback() {
            return answeredBy == null;
        }
    }
}
