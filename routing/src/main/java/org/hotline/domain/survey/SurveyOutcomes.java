package org.hotline.domain.survey;

/**
 * What the survey flow reports about an automatic call-back it is running: the caller's score,
 * that the caller answered but gave none, or the comment the caller recorded. Implemented by {@link SurveyCallbacks}.
 */
public interface SurveyOutcomes {

    /**
     * The caller keyed {@code score} (1-5) on attempt {@code attemptId}; records it on the ticket.
     *
     * @return what was recorded, in words (for the flow's log)
     * @throws IllegalArgumentException when {@code attemptId} names no claimed attempt, or the score is not 1-5
     * @throws org.hotline.domain.ticket.TransitionRefusedException when the ticket no longer awaits a call-back
     */
    String scored(String attemptId, int score);

    /** The caller answered attempt {@code attemptId} but keyed no valid score. */
    void noScore(String attemptId);

    /**
     * After scoring attempt {@code attemptId}, the caller left a spoken comment, recorded as
     * {@code recordingRef} ({@code keptBy} as for a voice message); it goes into the ticket's history.
     *
     * @throws IllegalArgumentException when {@code attemptId} names no answered attempt
     */
    void commented(String attemptId, String recordingRef, String keptBy);
}
