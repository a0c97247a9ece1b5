package org.hotline.domain.ticket;

import org.hotline.domain.store.TicketStore;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a person (or the IVR) does to a ticket, as data. {@link TicketLifecycle} decides
 * whether it is allowed and what it changes; a {@link TicketStore} persists the result.
 * Free-text arguments may be {@code null} where noted; the lifecycle refuses blank required
 * text with a clear reason rather than throwing.
 */
public sealed interface TicketAction {

    /** The stable lower-case name recorded as {@link HistoryEvent#action()}. */
    String actionName();

    /** Send to the responsible department (the first dispatch). */
    record Dispatch(String department, String note) implements TicketAction {
        public String actionName() { return "dispatch"; }
    }

    /** The department's handling plan and promised completion time (deadline step {@code "resolve"}). */
    record RecordPlan(String plan, Instant deadline) implements TicketAction {
        public String actionName() { return "record-plan"; }
    }

    /** The department starts working on it. */
    record StartProgress(String note) implements TicketAction {
        public String actionName() { return "start-progress"; }
    }

    /** What was done and who did it. */
    record Resolve(String summary, String by) implements TicketAction {
        public String actionName() { return "resolve"; }
    }

    /** The result of calling the caller back. */
    record RecordCallback(CallbackResult result, String note) implements TicketAction {
        public String actionName() { return "record-callback"; }
    }

    /** Close the ticket (requirements depend on kind and classification; see {@link TicketLifecycle}). */
    record Close(String note) implements TicketAction {
        public String actionName() { return "close"; }
    }

    /**
     * Dispatch again after an unsatisfied call-back; {@code department} {@code null} keeps the
     * current one. The third dispatch escalates to senior management.
     */
    record Redispatch(String reason, String department) implements TicketAction {
        public String actionName() { return "redispatch"; }
    }

    /** A supervisor gives the ticket to another owner. */
    record Reassign(String owner, String note) implements TicketAction {
        public String actionName() { return "reassign"; }
    }

    /** The acting person takes an unowned ticket (claimed from the queue, a missed call to call back). */
    record TakeOver(String note) implements TicketAction {
        public String actionName() { return "take-over"; }
    }

    /**
     * The owner who took an unowned ticket gives it back before it was dispatched or resolved, or
     * their claim's lease expired ({@code ClaimHolds}): the ticket is unowned and waits in its
     * queue again. {@code from} is the owner it is taken from.
     */
    record ReturnToQueue(String from, String reason) implements TicketAction {
        public String actionName() { return "return-to-queue"; }
    }

    /**
     * What the caller was told about a complaint judged "to be improved" (caused by others or a
     * legacy problem: explain, plan, reply) or "invalid" (a misunderstanding: explain in detail),
     * and whether the caller accepted it. A "to be improved" complaint closes when the caller
     * accepts the explanation; an "invalid" one once it has been explained.
     */
    record RecordExplanation(String explanation, boolean accepted) implements TicketAction {
        public String actionName() { return "record-explanation"; }
    }

    /**
     * The duty manager {@code personId} was told of this after-hours call-back ticket (system
     * only): the ticket names who was told, once.
     */
    record DutyTold(String personId, String how) implements TicketAction {
        public String actionName() { return "duty-told"; }
        public DutyTold {
            Objects.requireNonNull(personId, "personId");
        }
    }

    /**
     * At the next opening after the call, an after-hours ticket nobody took is given to one of
     * the first agents on shift (system only), as the route's fallback decided
     * ({@code Fallback.nextOpening}).
     */
    record AssignAtOpening(String owner, Instant opening) implements TicketAction {
        public String actionName() { return "assign-at-opening"; }
        public AssignAtOpening {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(opening, "opening");
        }
    }

    /** Judge a complaint. */
    record Classify(Classification classification, String note) implements TicketAction {
        public String actionName() { return "classify"; }
        public Classify {
            Objects.requireNonNull(classification, "classification");
        }
    }

    /**
     * This ticket follows up {@code earlier}, an earlier ticket of the same caller: the same issue
     * (an agent's judgement: it counts as a repeat whatever its kind and location, see
     * {@link RepeatRule}) or the caller's escalation to the next tier of complaint line. The
     * ticket then names the earlier one ({@link Ticket#linkedTo()}); the store also records the
     * link in the earlier ticket's history ({@link TicketLifecycle#linkedFrom}), in the same
     * transaction. Linking again replaces the link (the history keeps the one it replaced).
     *
     * @param earlier the earlier ticket as read by whoever asks (checked: not this one, accepted
     *                before it, the same caller)
     */
    record LinkEarlier(Ticket earlier, LinkReason reason, String note) implements TicketAction {
        public String actionName() { return "link-earlier"; }
        public LinkEarlier {
            Objects.requireNonNull(earlier, "earlier");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A follow-up note (progress reply to the caller, call made, ...). */
    record AddNote(String note) implements TicketAction {
        public String actionName() { return "note"; }
    }

    /** An agent corrects or completes the intake fields. */
    record EditIntake(IntakeUpdate update) implements TicketAction {
        public String actionName() { return "edit-intake"; }
        public EditIntake {
            Objects.requireNonNull(update, "update");
        }
    }

    /** The caller hung up before reaching anyone (IVR only). */
    record Abandon(String note) implements TicketAction {
        public String actionName() { return "abandon"; }
    }

    /** The call reached nobody (IVR only): somebody must call back. */
    record MarkMissed(String note) implements TicketAction {
        public String actionName() { return "mark-missed"; }
    }

    /**
     * A deadline the ticket still owes is close ({@code missed} false: at risk) or has passed
     * ({@code missed} true). Recorded by the deadline watcher (system only), once per step, due
     * instant and state, so the history shows who was told and when.
     */
    record DeadlineAlert(String step, Instant due, boolean missed) implements TicketAction {
        public String actionName() { return "deadline-alert"; }
        public static final String MISSED = "missed";
        public static final String AT_RISK = "at-risk";
        /** {@link #MISSED} or {@link #AT_RISK}: recorded in the history and sent to the panel. */
        public String state() { return missed ? MISSED : AT_RISK; }
        public DeadlineAlert {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(due, "due");
        }
    }

    /**
     * One attempt of the automatic satisfaction call-back (system only): placed, not answered,
     * answered without a score, or the call-back given up after the last attempt. The score
     * itself is a {@link RecordCallback}.
     *
     * @param attempt 1-based attempt number
     * @param of      the policy's number of attempts
     * @param outcome {@code placed}, {@code no-answer}, {@code no-score}, {@code failed} or {@code skipped}
     */
    record SurveyAttempt(int attempt, int of, String outcome, String note) implements TicketAction {
        public String actionName() { return "survey-attempt"; }
        public SurveyAttempt {
            Objects.requireNonNull(outcome, "outcome");
            if (attempt < 0 || of < 1) {
                throw new IllegalArgumentException("attempt " + attempt + " of " + of);
            }
        }
    }

    /**
     * The caller's spoken comment in a satisfaction call-back, recorded like a voice message: the
     * ticket's history references the recording.
     *
     * @param recordingRef the recording's file (as Asterisk wrote it)
     * @param keptBy       how it was kept when not in the recording directory, {@code null} when it is there
     * @param attempt      the survey attempt id ({@code <ticket>-<round>-<attempt>}), {@code null} for a
     *                     survey an agent placed from the panel
     */
    record SurveyComment(String recordingRef, String keptBy, String attempt) implements TicketAction {
        public String actionName() { return "survey-comment"; }
        public SurveyComment {
            Objects.requireNonNull(recordingRef, "recordingRef");
        }
    }

    /**
     * A major complaint, to be reported to senior management at once ("report a major complaint
     * to a manager at once"): flagged by a person, or by the system's configured rules (the
     * urgent kind, a repeat caller). Recorded once; the ticket then stays on the leadership board
     * until closed.
     */
    record FlagMajor(String reason) implements TicketAction {
        public String actionName() { return "flag-major"; }
    }

    /**
     * The owner could not meet the deadline and told the caller so: what the caller was told, and
     * the promised date, which becomes the next deadline (step {@code "resolve"}).
     */
    record ProgressReply(String toldCaller, Instant promised) implements TicketAction {
        public String actionName() { return "progress-reply"; }
    }

    /** The system reminds the owner that a ticket in progress has had no follow-up for too long. */
    record FollowUpReminder(String since) implements TicketAction {
        public String actionName() { return "follow-up-reminder"; }
        public FollowUpReminder {
            Objects.requireNonNull(since, "since");
        }
    }
}
