package org.hotline.domain.survey;

import java.util.Objects;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;

/**
 * What a satisfaction score does to a ticket, whoever collected it (the IVR's call-back or an
 * agent calling by hand): 4 or 5 is a satisfied call-back (the ticket may then be closed); 1 to 3
 * is a call-back that did not satisfy, and 1 or 2 also re-dispatch the ticket at once (the second
 * dispatch; the third escalates, see {@link TicketAction.Redispatch}). A 3 is left to the owner, and
 * so is a low score on a complaint that closes on its explanation ("to be improved" or "invalid"
 * with the explanation recorded).
 * Stateless and thread-safe.
 */
public final class SurveyResults {
    /** Scores at or above this satisfy. */
    public static final int SATISFIED_FROM = 4;
    /** Scores at or below this re-dispatch automatically. */
    public static final int REDISPATCH_UP_TO = 2;

    private final TicketStore tickets;

    public SurveyResults(TicketStore tickets) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
    }

    /**
     * Records {@code score} on {@code ticket} as {@code by}, with {@code comment} (may be null).
     *
     * @throws IllegalArgumentException when the score is not 1 to 5
     * @throws org.hotline.domain.ticket.TransitionRefusedException when the lifecycle refuses (nothing changed)
     */
    public Ticket record(Ticket ticket, Actor by, int score, String comment) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a satisfaction score is 1 to 5, got " + score);
        }
        String note = "satisfaction survey: " + score + " of 5"
                + (comment == null || comment.isBlank() ? "" : "; " + comment.strip());
        CallbackResult result = score >= SATISFIED_FROM ? CallbackResult.SATISFIED : CallbackResult.UNSATISFIED;
        Ticket after = tickets.apply(ticket.id(), ticket.version(), by, new TicketAction.RecordCallback(result, note));
        if (score <= REDISPATCH_UP_TO && !closesOnExplanation(after)) {
            after = tickets.apply(after.id(), after.version(), by, new TicketAction.Redispatch(
                    "the caller was not satisfied (" + score + " of 5 in the satisfaction call-back)", null));
        }
        return after;
    }

    /**
     * A complaint judged "to be improved" or "invalid" whose explanation is on record closes on the
     * explanation (accepted, or given), not on satisfaction: a low score there is the owner's to
     * weigh, not a reason to send the ticket back to the department.
     */
    private static boolean closesOnExplanation(Ticket t) {
        return t.kind() == org.hotline.domain.ticket.RequestKind.COMPLAINT && t.explanation() != null
                && (t.classification() == org.hotline.domain.ticket.Classification.TO_BE_IMPROVED
                        || t.classification() == org.hotline.domain.ticket.Classification.INVALID);
    }

    /** {@code score} in words, as the flow logs it, given the ticket {@link #record} returned. */
    public static String describe(int score, Ticket after) {
        return score >= SATISFIED_FROM ? "satisfied"
                : score <= REDISPATCH_UP_TO && !closesOnExplanation(after) ? "not satisfied, re-dispatched"
                : "not satisfied, left to the owner";
    }
}
