package org.hotline.domain.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * The automatic satisfaction call-back of resolved tickets. Each {@link #scan()}:
 * <ol>
 *   <li>schedules a call-back for every resolved ticket that has none for its current dispatch
 *       round: the first attempt {@link SurveyPolicy#firstAfter()} working time after resolution,
 *       moved into the {@link CallingWindow}; a callback number that is not digits, or a caller
 *       who answered a survey within {@link SurveyPolicy#onceEvery()}, goes straight to the
 *       call-back-failed list instead, with the reason;</li>
 *   <li>gives up attempts that were claimed but never ended (the service stopped mid-call), so
 *       the next one can follow;</li>
 *   <li>places the attempts that are due: each is first {@linkplain SurveyStore#claim claimed}
 *       (exactly once across instances and restarts), recorded in the ticket's history, then
 *       dialled. An attempt due outside the window waits for the window's next opening.</li>
 * </ol>
 * An attempt not answered (or answered without a score) is recorded and the next one scheduled
 * {@link SurveyPolicy#retryAfter()} to {@link SurveyPolicy#retryWithin()} later, inside the
 * window; after the last the call-back goes on the failed list, where an agent's result
 * ({@link #recordByHand}) is recorded the same way as the caller's own keys
 * ({@link SurveyResults}).
 *
 * <p>Thread-safety: {@link #scan()} runs on one thread at a time; dial results, the flow's
 * reports and agents' results may arrive on any thread. Every change is decided by the store
 * (an attempt ends once), so races only lose, never double.
 */
public final class SurveyCallbacks implements SurveyOutcomes, FailedCallbacks {
    /** The actor the call-back's history entries and the caller's own score are recorded as. */
    public static final Actor ACTOR = new Actor("survey-callback", Role.SYSTEM);
    /** A callback number the service may dial. */
    static final Pattern DIGITS = Pattern.compile("[0-9]{3,20}");
    /** How long past its ring time an attempt may stay unanswered before it counts as lost. */
    static final Duration LOST_AFTER = Duration.ofMinutes(15);
    static final int BATCH = 200;
    private static final int HISTORY_RETRIES = 5;

    private final TicketStore tickets;
    private final SurveyStore store;
    private final SurveyDialer dialer;
    private final SurveyPolicies policies;
    private final WorkingCalendar calendar;
    private final SurveyResults results;
    private final String instance;
    private final Clock clock;
    private final java.util.function.BiConsumer<SurveyCall, Ticket> onFailed;

    public SurveyCallbacks(TicketStore tickets, SurveyStore store, SurveyDialer dialer, SurveyPolicies policies,
            WorkingCalendar calendar, String instance, Clock clock) {
        this(tickets, store, dialer, policies, calendar, instance, clock, (call, ticket) -> { });
    }

    /**
     * @param onFailed told once when a call-back goes on the call-back-failed list (to notify
     *                 the people who must call by hand); must not throw
     */
    public SurveyCallbacks(TicketStore tickets, SurveyStore store, SurveyDialer dialer, SurveyPolicies policies,
            WorkingCalendar calendar, String instance, Clock clock, java.util.function.BiConsumer<SurveyCall, Ticket> onFailed) {
        this.onFailed = Objects.requireNonNull(onFailed, "onFailed");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.store = Objects.requireNonNull(store, "store");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.results = new SurveyResults(tickets);
        this.instance = Objects.requireNonNull(instance, "instance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one scan did: call-backs scheduled, attempts placed. */
    public record Scan(List<SurveyCall> scheduled, List<SurveyCall> placed) {
    }

    /** Schedules, sweeps and places what is due now (see the class comment). */
    public Scan scan() {
        List<SurveyCall> scheduled = scheduleResolved();
        sweepLost();
        List<SurveyCall> placed = new ArrayList<>();
        Instant now = clock.instant();
        for (SurveyCall due : store.due(now, BATCH)) {
            placeAttempt(due).ifPresent(placed::add);
        }
        return new Scan(scheduled, placed);
    }

    // ---- scheduling ----------------------------------------------------------------------------

    private List<SurveyCall> scheduleResolved() {
        List<SurveyCall> out = new ArrayList<>();
        TicketQuery resolved = TicketQuery.open(1000).withStatuses(Set.of(TicketStatus.RESOLVED));
        for (Ticket ticket : tickets.search(resolved, ACTOR)) {
            if (store.find(ticket.id(), ticket.dispatchCount()).isEmpty()) {
                out.add(schedule(ticket));
            }
        }
        return out;
    }

    private SurveyCall schedule(Ticket ticket) {
        Instant now = clock.instant();
        SurveyPolicy policy = policies.policyFor(ticket.line(), ticket.kind());
        String number = ticket.callbackNumber() != null ? ticket.callbackNumber() : ticket.callerNumber();
        String unfit = null;
        if (number == null || !DIGITS.matcher(number).matches()) {
            unfit = "the callback number " + (number == null ? "is missing" : "'" + number + "' is not 3 to 20 digits")
                    + "; call the caller by hand";
        } else {
            Optional<Instant> last = store.lastAnswered(number);
            if (last.isPresent() && last.get().isAfter(now.minus(policy.onceEvery()))) {
                unfit = "the caller answered a satisfaction survey on " + last.get() + ", less than "
                        + policy.onceEvery().toDays() + " days ago; not called again automatically, call by hand";
            }
        }
        Instant resolvedAt = resolvedAt(ticket);
        Instant first = new CallingWindow(calendar, policy.window())
                .nextInside(calendar.plusWorkingTime(resolvedAt, policy.firstAfter()));
        SurveyCall wanted = new SurveyCall(ticket.id(), ticket.dispatchCount(), ticket.number(),
                number == null ? "" : number, unfit == null ? SurveyCall.State.SCHEDULED : SurveyCall.State.FAILED,
                0, policy.attempts(), unfit == null ? first : now, unfit, now);
        SurveyCall stored = store.schedule(wanted);
        if (stored.equals(wanted)) {
            history(ticket.id(), new TicketAction.SurveyAttempt(0, policy.attempts(),
                    unfit == null ? "scheduled" : "failed",
                    unfit == null ? "satisfaction call-back to " + number + " scheduled for " + first : unfit));
            if (unfit != null) {
                onFailed.accept(stored, ticket);
            }
        }
        return stored;
    }

    private Instant resolvedAt(Ticket ticket) {
        List<HistoryEvent> history = tickets.history(ticket.id());
        for (int i = history.size() - 1; i >= 0; i--) {
            if ("resolve".equals(history.get(i).action())) {
                return history.get(i).at();
            }
        }
        return ticket.updatedAt();
    }

    // ---- attempts ------------------------------------------------------------------------------

    private Optional<SurveyCall> placeAttempt(SurveyCall due) {
        Instant now = clock.instant();
        Optional<Ticket> ticket = tickets.find(due.ticketId());
        if (ticket.isEmpty() || ticket.get().status() != TicketStatus.RESOLVED
                || ticket.get().dispatchCount() != due.round()) {
            store.close(due.ticketId(), due.round(), SurveyCall.State.CANCELLED, "the ticket is "
                    + ticket.map(t -> t.status().name().toLowerCase()).orElse("gone")
                    + "; its call-back no longer waits for the survey", now);
            return Optional.empty();
        }
        SurveyPolicy policy = policies.policyFor(ticket.get().line(), ticket.get().kind());
        CallingWindow window = new CallingWindow(calendar, policy.window());
        if (!window.contains(now)) {
            store.postpone(due.ticketId(), due.round(), window.nextInside(now), now);
            return Optional.empty();
        }
        Optional<SurveyCall> claimed = store.claim(due, instance, now);
        if (claimed.isEmpty()) {
            return Optional.empty(); // another instance has it
        }
        SurveyCall call = claimed.get();
        int attempt = call.attempts();
        history(call.ticketId(), new TicketAction.SurveyAttempt(attempt, call.maxAttempts(), "placed",
                "satisfaction call-back attempt " + attempt + " of " + call.maxAttempts() + " to " + call.callbackNumber()));
        dialer.dial(call.ticketNumber(), call.callbackNumber(),
                        SurveyCall.attemptId(call.ticketId(), call.round(), attempt), policy.ring())
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        notReached(call, attempt, "not-placed", "the call could not be placed: " + failure.getMessage());
                    } else if (outcome.result() != SurveyDialer.Result.ANSWERED) {
                        notReached(call, attempt, outcome.result() == SurveyDialer.Result.NOT_PLACED
                                ? "not-placed" : "no-answer", outcome.reason());
                    }
                });
        return Optional.of(call);
    }

    private void sweepLost() {
        Instant now = clock.instant();
        for (SurveyCall call : store.callingSince(now.minus(LOST_AFTER), BATCH)) {
            notReached(call, call.attempts(), "lost", "the attempt never ended (was the service stopped mid-call?)");
        }
    }

    /** Attempt {@code attempt} did not reach the caller: schedule the next, or give up after the last. */
    private void notReached(SurveyCall call, int attempt, String outcome, String reason) {
        Instant now = clock.instant();
        boolean last = attempt >= call.maxAttempts();
        Instant next = now;
        String note;
        if (last) {
            note = "not reached after " + attempt + " attempts (" + reason + "): on the call-back-failed list";
        } else {
            SurveyPolicy policy = policyOf(call);
            Duration spread = policy.retryWithin().minus(policy.retryAfter());
            long offset = spread.isZero() ? 0
                    : Math.floorMod(Long.hashCode(call.ticketId() * 31 + attempt), spread.toMillis());
            next = new CallingWindow(calendar, policy.window()).nextInside(now.plus(policy.retryAfter()).plusMillis(offset));
            note = reason + "; attempt " + (attempt + 1) + " at " + next;
        }
        Optional<SurveyCall> finished = store.finish(call.ticketId(), call.round(), attempt, outcome,
                last ? SurveyCall.State.FAILED : SurveyCall.State.SCHEDULED, next, note, now);
        if (finished.isPresent()) {
            history(call.ticketId(), new TicketAction.SurveyAttempt(attempt, call.maxAttempts(),
                    last ? "failed" : outcome, "attempt " + attempt + " of " + call.maxAttempts() + ": " + note));
            if (last) {
                tickets.find(call.ticketId()).ifPresent(t -> onFailed.accept(finished.get(), t));
            }
        }
    }

    private SurveyPolicy policyOf(SurveyCall call) {
        return tickets.find(call.ticketId()).map(t -> policies.policyFor(t.line(), t.kind()))
                .orElse(policies.fallback());
    }

    // ---- what the flow and agents report --------------------------------------------------------

    @Override
    public String scored(String attemptId, int score) {
        Attempt a = Attempt.parse(attemptId);
        SurveyCall call = store.find(a.ticketId, a.round).filter(c -> c.state() == SurveyCall.State.CALLING
                && c.attempts() == a.attempt).orElseThrow(() -> new IllegalArgumentException(
                        "survey attempt " + attemptId + " is not under way"));
        Ticket ticket = tickets.find(call.ticketId()).orElseThrow(() -> new TicketNotFoundException("ticket " + call.ticketId()));
        Ticket after = results.record(ticket, ACTOR, score, null);
        store.finish(call.ticketId(), call.round(), a.attempt, "answered", SurveyCall.State.ANSWERED, clock.instant(),
                "the caller keyed " + score + " of 5", clock.instant());
        return SurveyResults.describe(score, after) + " (ticket " + after.number() + " is " + after.status().name().toLowerCase() + ")";
    }

    @Override
    public void noScore(String attemptId) {
        Attempt a = Attempt.parse(attemptId);
        store.find(a.ticketId, a.round).filter(c -> c.state() == SurveyCall.State.CALLING && c.attempts() == a.attempt)
                .ifPresent(c -> notReached(c, a.attempt, "no-score", "answered but no score was keyed"));
    }

    @Override
    public void commented(String attemptId, String recordingRef, String keptBy) {
        Attempt a = Attempt.parse(attemptId);
        store.find(a.ticketId, a.round).filter(c -> c.state() == SurveyCall.State.ANSWERED && c.attempts() == a.attempt)
                .orElseThrow(() -> new IllegalArgumentException("survey attempt " + attemptId + " was not answered"));
        for (int i = 0; i < HISTORY_RETRIES; i++) {
            Ticket t = tickets.find(a.ticketId).orElseThrow(() -> new TicketNotFoundException("ticket " + a.ticketId));
            try {
                tickets.apply(t.id(), t.version(), ACTOR, new TicketAction.SurveyComment(recordingRef, keptBy, attemptId));
                return;
            } catch (VersionConflictException again) {
                // changed meanwhile: read and try again
            }
        }
        throw new IllegalStateException("the comment of survey attempt " + attemptId + " was not recorded: the ticket "
                + "kept changing");
    }

    /**
     * An agent called the caller of a ticket on the call-back-failed list and records the score
     * the caller gave, the same way as the caller's own keys; the ticket leaves the list.
     *
     * @throws IllegalArgumentException when the ticket is not on the list or the score is not 1-5
     */
    @Override
    public Ticket recordByHand(long ticketId, Actor by, int score, String comment) {
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new TicketNotFoundException("ticket " + ticketId));
        SurveyCall call = store.find(ticketId, ticket.dispatchCount())
                .filter(c -> c.state() == SurveyCall.State.FAILED)
                .orElseThrow(() -> new IllegalArgumentException("ticket " + ticket.number()
                        + " is not on the call-back-failed list"));
        Ticket after = results.record(ticket, by, score, comment == null || comment.isBlank()
                ? "called back by hand" : "called back by hand; " + comment);
        store.close(ticketId, call.round(), SurveyCall.State.DONE_BY_HAND,
                by.id() + " called back by hand: " + score + " of 5", clock.instant());
        return after;
    }

    /** The call-back-failed list, oldest first. */
    @Override
    public List<SurveyCall> failed(int limit) {
        return store.failed(limit);
    }

    private void history(long ticketId, TicketAction.SurveyAttempt entry) {
        for (int i = 0; i < HISTORY_RETRIES; i++) {
            Optional<Ticket> t = tickets.find(ticketId);
            if (t.isEmpty()) {
                return;
            }
            try {
                tickets.apply(ticketId, t.get().version(), ACTOR, entry);
                return;
            } catch (VersionConflictException again) {
                // changed meanwhile: read and try again
            } catch (TransitionRefusedException closed) {
                return; // closed meanwhile: nothing to add to
            }
        }
    }

    /** The parts of an attempt id, {@code <ticket>-<round>-<attempt>}. */
    private record Attempt(long ticketId, int round, int attempt) {
        static Attempt parse(String id) {
            String[] p = id == null ? new String[0] : id.split("-");
            try {
                if (p.length == 3) {
                    return new Attempt(Long.parseLong(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                }
            } catch (NumberFormatException bad) {
                // reported below
            }
            throw new IllegalArgumentException("expected a survey attempt id <ticket>-<round>-<attempt>, got '" + id + "'");
        }
    }
}
