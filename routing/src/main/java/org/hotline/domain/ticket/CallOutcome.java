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
 *       already chosen a kind of request. Only for a caller who hung up;</li>
 *   <li>{@link Interrupted}: state unchanged, call-back requested (nobody is known to have heard
 *       the caller yet); an {@link Answered} while the call is still going on (interrupted, queued, forwarded) clears
 *       that request again; reported after the call already
 *       ended (answered, voicemail, no answer, abandoned) it changes nothing.</li>
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

    /**
     * The caller left a voice message: {@code ref} is where it is (the recording's file, or the
     * voicemail box message file); {@code keptBy} how it was kept when not the usual way
     * ({@code null}: the flow's recording directory). See {@link #KEPT_IN_FALLBACK_DIRECTORY}
     * and {@link #KEPT_IN_VOICEMAIL_BOX}.
     */
    record Voicemail(String ref, String keptBy) implements CallOutcome {
        /** The flow's recording directory could not be written: recorded under Asterisk's spool instead. */
        public static final String KEPT_IN_FALLBACK_DIRECTORY = "fallback-directory";
        /** Left in the line's voicemail box (the dialplan's fallback, followed over AMI). */
        public static final String KEPT_IN_VOICEMAIL_BOX = "voicemail-box";

        /** A message recorded where the flow wanted it. */
        public Voicemail(String ref) {
            this(ref, null);
        }

        public CallDisposition disposition() { return CallDisposition.VOICEMAIL; }
    }

    /**
     * The IVR could not finish the call for a reason other than the caller hanging up;
     * {@code reason} says which, for people ("the ticket store did not answer within 3 s",
     * "dialplan fallback: AGISTATUS=FAILURE"). See {@link CallDisposition#INTERRUPTED}.
     */
    record Interrupted(String reason) implements CallOutcome {
        public CallDisposition disposition() { return CallDisposition.INTERRUPTED; }
    }
}
