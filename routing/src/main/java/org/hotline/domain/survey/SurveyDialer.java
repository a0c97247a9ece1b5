package org.hotline.domain.survey;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Places one satisfaction call-back (AMI Originate into the {@code hotline-survey} context in
 * production). The stage completes when the caller answered (the survey flow then runs and
 * reports the score itself) or when the call failed; it never completes exceptionally for an
 * unanswered call. Implementations are thread-safe.
 */
public interface SurveyDialer {

    /** What became of the call. */
    enum Result {
        /** The caller picked up; the survey flow is running. */
        ANSWERED,
        /** It rang out, was busy or was rejected. */
        NOT_ANSWERED,
        /** Asterisk could not be asked (AMI down, refused): the attempt counts as not answered. */
        NOT_PLACED
    }

    /** The result, and Asterisk's reason in words when not answered. */
    record Outcome(Result result, String reason) {
    }

    /**
     * Calls {@code number} (digits only) for ticket {@code ticketNumber}; {@code attemptId} is
     * handed to the survey flow so that its result is booked on this attempt.
     */
    CompletionStage<Outcome> dial(String ticketNumber, String number, String attemptId, Duration ring);
}
