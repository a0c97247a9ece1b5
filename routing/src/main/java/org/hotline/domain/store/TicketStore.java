package org.hotline.domain.store;

import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketLifecycle;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.TransitionRefusedException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The tickets and their append-only history: the source of truth (PostgreSQL in production).
 * The IVR opens and fills tickets during a call; the panel works them through
 * {@link #apply(long, long, Actor, TicketAction)}, which runs {@link TicketLifecycle}.
 *
 * <p>Every method that changes a ticket increments its {@code version}, appends one
 * {@link HistoryEvent} in the same transaction, and keeps the dispatch queue in step
 * ({@link Ticket#awaitsAgent()}). Implementations are thread-safe.
 *
 * <p>Errors: {@link TicketNotFoundException} for an unknown id, {@link TransitionRefusedException}
 * for a refused action (nothing changed), {@link VersionConflictException} when the ticket changed
 * since the caller read it, {@link StoreUnavailableException} when the database cannot be reached
 * (except in {@link #openForCall}, which never fails for that reason).
 */
public interface TicketStore {

    /**
     * Opens the ticket of a call, or returns the one already opened for the same
     * {@link CallIntake#linkedid()} (AGI retry, duplicate event: one call, one ticket, even when
     * called concurrently). The new ticket is {@link TicketStatus#ACCEPTED}, has no kind yet, and
     * its history starts with an {@code "opened"} event by {@link Actor#ivr()}.
     *
     * <p>When the database is unreachable the intake is spooled durably (fsync'ed to local disk)
     * and a {@linkplain Ticket#isProvisional() provisional} ticket is returned; later calls with the
     * provisional id are spooled too and replayed in order once the database is back. A call is
     * never refused a ticket.
     */
    Ticket openForCall(CallIntake intake);

    /**
     * Records what the caller told the IVR (kind, urgency, callback number, location, description,
     * voice message, deadlines). Allowed in any open state; appends an {@code "intake"} event.
     */
    Ticket updateIntake(long id, IntakeUpdate update);

    /** Records what happened to the call; see {@link CallOutcome} for the effects. Idempotent. */
    Ticket recordCallOutcome(long id, CallOutcome outcome);

    /*
     * The IVR's three writes without a thread held while they become durable: a store that waits
     * on a disk or a database in the background (the write-behind journal) completes the future
     * then; any other does the write at once on the calling thread and returns it done. A failure
     * is the future's, never thrown.
     */

    /** {@link #openForCall}, completing once the ticket is durable. */
    default CompletableFuture<Ticket> openForCallAsync(CallIntake intake) {
        return now(() -> openForCall(intake));
    }

    /** {@link #updateIntake}, completing once the change is durable. */
    default CompletableFuture<Ticket> updateIntakeAsync(long id, IntakeUpdate update) {
        return now(() -> updateIntake(id, update));
    }

    /** {@link #recordCallOutcome}, completing once the outcome is durable. */
    default CompletableFuture<Ticket> recordCallOutcomeAsync(long id, CallOutcome outcome) {
        return now(() -> recordCallOutcome(id, outcome));
    }

    private static CompletableFuture<Ticket> now(Supplier<Ticket> write) {
        try {
            return CompletableFuture.completedFuture(write.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Applies a person's action through {@link TicketLifecycle}, if the ticket is still at
     * {@code expectedVersion}.
     *
     * @throws TransitionRefusedException the lifecycle refused it (the reason is for the user)
     * @throws VersionConflictException   someone changed the ticket since it was read
     */
    Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action);

    /** The ticket with this id, regardless of confidentiality (system use). */
    Optional<Ticket> find(long id);

    /**
     * The tickets with these ids that exist, in the order of {@code ids}, regardless of
     * confidentiality (system use: a report's lists). The default finds them one by one; a store
     * that can read them in one go should.
     */
    default List<Ticket> findAll(List<Long> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The ticket with this id if {@code viewer} may see it ({@link Ticket#visibleTo}). */
    default Optional<Ticket> find(long id, Actor viewer) {
        return find(id).filter(t -> t.visibleTo(viewer));
    }

    /** The ticket with this human number ({@code HL-2026-000123}). */
    Optional<Ticket> findByNumber(String number);

    /** The ticket opened for this Asterisk linkedid. */
    Optional<Ticket> findByLinkedid(String linkedid);

    /** The ticket's history, oldest first. */
    List<HistoryEvent> history(long id);

    /**
     * A caller's previous tickets and repeat flag ({@link CallerHistory#of}), by caller or
     * call-back number, leaving out ticket {@code currentTicketId} (the ticket of the call being
     * shown, {@code 0} if none), whose quarter the repeat flag is about (the current quarter
     * without one). Every ticket counts (system use).
     */
    default CallerHistory callerHistory(String number, long currentTicketId) {
        return callerHistory(number, currentTicketId, null);
    }

    /**
     * The caller history as {@code viewer} may see it (a screen pop for an agent, the ticket
     * page): tickets the viewer may not see ({@link Ticket#visibleTo}) are neither listed nor
     * counted towards the repeat flag, so a reporter's confidential tip-off never shows through.
     * {@code viewer} {@code null}: every ticket.
     */
    CallerHistory callerHistory(String number, long currentTicketId, Actor viewer);

    /** Tickets matching {@code query} that {@code viewer} may see, newest first. */
    List<Ticket> search(TicketQuery query, Actor viewer);

    /**
     * Open tickets with at least one deadline before {@code before} (use now for overdue, now plus
     * a margin for at risk), earliest deadline first, that {@code viewer} may see.
     */
    List<Ticket> dueBefore(Instant before, int limit, Actor viewer);

    /**
     * Tickets whose call was forwarded to {@code personId} (a duty manager) since {@code since},
     * plus open tickets created since then that still await an agent (after-hours call-backs),
     * newest first, that {@code viewer} may see.
     */
    List<Ticket> forwardedTo(String personId, Instant since, Actor viewer);
}
