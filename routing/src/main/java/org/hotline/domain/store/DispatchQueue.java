package org.hotline.domain.store;

import org.hotline.domain.ticket.Ticket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Tickets waiting for an agent, one queue per name (a line id, or {@code line/skill} where skills
 * are configured), served by urgency (highest first), then earliest deadline, then age.
 *
 * <p>Claiming is reliable: {@link #claim} moves a ticket to a lease held by one agent; a lease
 * that expires before the agent completes or releases it puts the ticket back in its queue
 * (at its old position); a ticket is never held by two agents at once. The usual sequence is
 * {@code claim}, then {@code TicketStore.apply(..., TakeOver)} (the ticket then no longer
 * {@link Ticket#awaitsAgent() awaits an agent} and the store removes it), then {@link #complete}.
 *
 * <p>After the take-over the agent keeps a {@link ClaimHold hold} on the ticket while they work it
 * ({@link #hold}, renewed by the panel); {@code ClaimHolds} gives back the tickets whose hold
 * expired. Holds are kept apart from the queue: {@link #remove} does not end them.
 *
 * <p>The queue is derived data: the ticket store keeps it in step and can rebuild it from the
 * tickets. Implementations are thread-safe.
 */
public interface DispatchQueue {

    /** Adds or re-scores {@code ticket} in queue {@code queue}; no effect if it is leased. */
    void enqueue(String queue, Ticket ticket);

    /** Adds {@code ticket} to the queue of its line. */
    default void enqueue(Ticket ticket) {
        enqueue(ticket.line(), ticket);
    }

    /**
     * Takes the first ticket of the first non-empty queue among {@code queues} (all queues are
     * merged by priority) and leases it to {@code agentId} for {@code lease}.
     *
     * @return the claim, or empty when every queue is empty
     */
    Optional<Claim> claim(String agentId, Collection<String> queues, Duration lease);

    /** The agent is done with the claimed ticket: it leaves the queue for good. False if the lease was lost. */
    boolean complete(Claim claim);

    /** The agent gives the ticket back: it returns to its queue at its old position. False if the lease was lost. */
    boolean release(Claim claim);

    /** Removes a ticket from every queue and lease (it no longer awaits an agent). */
    void remove(long ticketId);

    /** Returns every expired lease to its queue; returns how many. Also done by {@link #claim}. */
    int expireLeases();

    /**
     * Starts or renews {@code agentId}'s hold on ticket {@code ticketId} until {@code until}.
     *
     * @return false (and nothing changes) when another agent holds it
     */
    boolean hold(long ticketId, String agentId, java.time.Instant until);

    /** The current hold on a ticket, expired or not, if any. */
    Optional<ClaimHold> holdOf(long ticketId);

    /** Ends the hold on a ticket (its agent dispatched, resolved or gave it back); no effect if none. */
    void endHold(long ticketId);

    /**
     * Removes and returns up to {@code max} holds whose {@code until} is at or before now. Each
     * expired hold is returned to exactly one caller, also across instances sharing the queue.
     */
    List<ClaimHold> takeExpiredHolds(int max);

    /** The first {@code max} waiting tickets of {@code queue}, in serving order (for the panel). */
    List<QueuedTicket> peek(String queue, int max);

    /** How many tickets wait in {@code queue} (leased ones not counted). */
    long size(String queue);
}
