package org.hotline.domain.survey;

import java.util.List;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;

/**
 * The agents' call-back-failed list: tickets whose caller the automatic call-back did not reach
 * (or may not call), and the result an agent records after calling by hand. Implemented by
 * {@link SurveyCallbacks}; {@link #NONE} where the service places no call-backs.
 */
public interface FailedCallbacks {

    /** The list, oldest first. */
    List<SurveyCall> failed(int limit);

    /**
     * Records the score the caller gave an agent, as the caller's own keys would be.
     *
     * @throws IllegalArgumentException when the ticket is not on the list or the score is not 1-5
     */
    Ticket recordByHand(long ticketId, Actor by, int score, String comment);

    /** No call-backs are placed, so none fail. */
    FailedCallbacks NONE = new FailedCallbacks() {
        @Override
        public List<SurveyCall> failed(int limit) {
            return List.of();
        }

        @Override
        public Ticket recordByHand(long ticketId, Actor by, int score, String comment) {
            throw new IllegalArgumentException("automatic call-backs are off (no surveys.ami), so no ticket is on "
                    + "the call-back-failed list; record the call-back on the ticket instead");
        }
    };
}
