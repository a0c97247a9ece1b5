package org.hotline.domain.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.store.StoreUnavailableException;

/**
 * The satisfaction call-backs and every attempt (PostgreSQL in production: the claim of an
 * attempt is what makes it happen exactly once across instances and restarts). Implementations
 * are thread-safe; each method is one transaction. {@link StoreUnavailableException} when the
 * database cannot be reached.
 */
public interface SurveyStore {

    /** Schedules {@code call} unless one exists for its ticket and round; returns the stored one. */
    SurveyCall schedule(SurveyCall call);

    /** The call-back of a ticket's round. */
    Optional<SurveyCall> find(long ticketId, int round);

    /** {@link SurveyCall.State#SCHEDULED} call-backs due at {@code now}, earliest first. */
    List<SurveyCall> due(Instant now, int limit);

    /** {@link SurveyCall.State#CALLING} call-backs claimed before {@code before} (a lost attempt). */
    List<SurveyCall> callingSince(Instant before, int limit);

    /**
     * Claims attempt {@code call.attempts() + 1} of a scheduled call-back for {@code instance}: at
     * most one claimer ever wins a given attempt, whatever runs concurrently or restarts.
     *
     * @return the call-back in {@link SurveyCall.State#CALLING} with the new attempt count, or empty
     *     when another instance claimed it (or it is no longer scheduled)
     */
    Optional<SurveyCall> claim(SurveyCall call, String instance, Instant now);

    /**
     * Records the outcome of attempt {@code attempt} (once: a second report of the same attempt
     * is ignored and returns empty) and moves the call-back to {@code next}, due at {@code nextAt}
     * when scheduled again, with {@code note}.
     */
    Optional<SurveyCall> finish(long ticketId, int round, int attempt, String outcome, SurveyCall.State next,
            Instant nextAt, String note, Instant now);

    /** Moves the next attempt of a scheduled call-back to {@code nextAt} (the window is closed now). */
    void postpone(long ticketId, int round, Instant nextAt, Instant now);

    /** Moves a call-back that is not final to {@code next} (a manual result, a cancellation); empty when final. */
    Optional<SurveyCall> close(long ticketId, int round, SurveyCall.State next, String note, Instant now);

    /** The call-back-failed list: {@link SurveyCall.State#FAILED}, oldest first. */
    List<SurveyCall> failed(int limit);

    /** When a caller on {@code callbackNumber} last answered a survey (gave a score), if ever. */
    Optional<Instant> lastAnswered(String callbackNumber);

    /** Which attempts of a ticket's round were claimed and how they ended, oldest first. */
    List<Attempt> attempts(long ticketId, int round);

    /** One claimed attempt; {@code outcome} {@code null} while it is under way. */
    record Attempt(int attempt, String instance, Instant claimedAt, String outcome, Instant finishedAt) {
    }
}
