package org.hotline.domain.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * The lease of a claim while the agent works the ticket. A claim takes the ticket over and starts a
 * {@link ClaimHold hold} of {@code lease}; the panel renews it while the agent has the ticket open
 * (its heartbeat) and on every action they take on it. When the agent dispatches or resolves the
 * ticket the hold has done its job; when they go away (browser closed, log-out, crash) the hold
 * expires and {@link #returnExpired()} gives the ticket back to its queue, unowned, with a
 * {@code return-to-queue} event by {@link #ACTOR} naming the agent.
 *
 * <p>Thread-safe; several instances may run {@link #returnExpired()} on one queue (each hold is
 * taken by one of them).
 */
public final class ClaimHolds {
    /** Who returns a ticket whose hold expired. */
    public static final Actor ACTOR = new Actor("claim-lease", Role.SYSTEM);

    /**
     * How long a hold lasts by default, and how long a hold rebuilt after Redis lost the holds
     * lasts before its agent's next renewal (which then uses the panel's own lease).
     */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    /** The statuses in which a claimed ticket is still the claim's work (before dispatch or an answer). */
    private static final java.util.Set<TicketStatus> BEFORE_DISPATCH = java.util.EnumSet.of(
            TicketStatus.ACCEPTED, TicketStatus.MISSED, TicketStatus.ABANDONED);

    private final DispatchQueue queue;
    private final TicketStore tickets;
    private final Clock clock;
    private final Duration lease;

    public ClaimHolds(DispatchQueue queue, TicketStore tickets, Clock clock, Duration lease) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the claim lease must be positive, got " + lease);
        }
        this.lease = lease;
    }

    /** How long a hold lasts without renewal. */
    public Duration lease() {
        return lease;
    }

    /** Starts the hold of {@code agent} on a ticket they just took over. */
    public ClaimHold start(long ticketId, String agent) {
        Instant until = clock.instant().plus(lease);
        queue.endHold(ticketId); // a hold left by an earlier owner of the ticket is stale now
        queue.hold(ticketId, agent, until);
        return new ClaimHold(ticketId, agent, until);
    }

    /**
     * Whether {@code t} is a claim still being worked: owned, a call-back, not yet dispatched or
     * answered. These are the tickets that have a hold; a store that lost its holds (Redis
     * flushed) gives each of them a fresh one from this rule.
     */
    public static boolean isHeldWork(Ticket t) {
        return t.owner() != null && t.callbackRequested() && BEFORE_DISPATCH.contains(t.status());
    }

    /**
     * Renews the hold of {@code agent} on ticket {@code t} while it is still their claimed work;
     * ends it once the ticket has moved on (dispatched, resolved, closed, no longer theirs).
     *
     * @return the renewed hold, or empty when there is none to renew
     */
    public Optional<ClaimHold> renew(Ticket t, String agent) {
        Optional<ClaimHold> current = queue.holdOf(t.id());
        if (current.isEmpty() || !current.get().agentId().equals(agent)) {
            return Optional.empty();
        }
        if (!agent.equals(t.owner()) || !BEFORE_DISPATCH.contains(t.status())) {
            queue.endHold(t.id());
            return Optional.empty();
        }
        Instant until = clock.instant().plus(lease);
        return queue.hold(t.id(), agent, until) ? Optional.of(new ClaimHold(t.id(), agent, until)) : Optional.empty();
    }

    /** Ends the hold on a ticket (its agent gave it back). */
    public void end(long ticketId) {
        queue.endHold(ticketId);
    }

    /**
     * Gives back every ticket whose hold expired and that is still the absent agent's undispatched
     * claim; returns how many went back to their queue.
     */
    public int returnExpired() {
        int returned = 0;
        for (ClaimHold h : queue.takeExpiredHolds(500)) {
            Optional<Ticket> t = tickets.find(h.ticketId());
            if (t.isEmpty() || !h.agentId().equals(t.get().owner()) || !isHeldWork(t.get())) {
                continue; // the agent got on with it, or someone else has it now
            }
            try {
                tickets.apply(t.get().id(), t.get().version(), ACTOR, new TicketAction.ReturnToQueue(h.agentId(),
                        "claim lease expired: " + h.agentId() + " stopped working it"));
                returned++;
            } catch (VersionConflictException e) {
                // the ticket changed as the lease ran out: the agent is back; keep their hold for the next round
                queue.hold(h.ticketId(), h.agentId(), clock.instant().plus(lease));
            } catch (TransitionRefusedException e) {
                // it moved on meanwhile; nothing to give back
            }
        }
        return returned;
    }
}
