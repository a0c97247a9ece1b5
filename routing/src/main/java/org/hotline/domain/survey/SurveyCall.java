package org.hotline.domain.survey;

import java.time.Instant;
import java.util.Objects;

/**
 * The satisfaction call-back of one resolution of one ticket: {@code round} is the ticket's
 * dispatch count when it was resolved, so a re-dispatched ticket that is resolved again is
 * surveyed again.
 *
 * @param ticketId       the ticket
 * @param round          the ticket's dispatch count at resolution
 * @param ticketNumber   its human number (the dialplan passes it to the survey flow)
 * @param callbackNumber the number called (digits only; checked before it is scheduled)
 * @param state          where the call-back is
 * @param attempts       attempts claimed so far
 * @param maxAttempts    attempts the policy allows
 * @param nextAt         when the next attempt is due ({@link State#SCHEDULED}), or when the current
 *                       one was claimed ({@link State#CALLING})
 * @param note           why it is on the failed list, or the outcome in words
 * @param updatedAt      last change
 */
public record SurveyCall(long ticketId, int round, String ticketNumber, String callbackNumber, State state,
        int attempts, int maxAttempts, Instant nextAt, String note, Instant updatedAt) {

    /** The life of a call-back. */
    public enum State {
        /** Waiting for its next attempt at {@code nextAt}. */
        SCHEDULED,
        /** An attempt is ringing or the caller is answering the survey. */
        CALLING,
        /** The caller gave a score (recorded on the ticket). Terminal. */
        ANSWERED,
        /** Not reached after the last attempt, or not callable: on the agents' call-back-failed list. */
        FAILED,
        /** An agent called the caller by hand and recorded the result. Terminal. */
        DONE_BY_HAND,
        /** The ticket left "resolved" before the survey reached the caller (a call-back recorded by hand). Terminal. */
        CANCELLED;

        /** Whether nothing more will happen to it automatically. */
        public boolean isFinal() {
            return this == ANSWERED || this == DONE_BY_HAND || this == CANCELLED;
        }
    }

    public SurveyCall {
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAt, "nextAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The identity of the attempt numbered {@code attempt}: what the dialplan hands back to the flow. */
    public static String attemptId(long ticketId, int round, int attempt) {
        return ticketId + "-" + round + "-" + attempt;
    }
}
