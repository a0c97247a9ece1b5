package org.hotline.panel;

import org.hotline.domain.escalation.ComplaintTiers;
import org.hotline.domain.ticket.RepeatRule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * How the panel works the hotline (as opposed to how it serves HTTP, {@link PanelConfig}).
 *
 * @param zone           the hotline's time zone (wall-clock deadlines typed by agents, "today")
 * @param queues         dispatch queues agents claim from, in the app usually the line ids
 * @param claimLease     how long a claim is held before the ticket returns to the queue
 * @param presenceTtl    presence expiry; the panel refreshes it while the agent's WebSocket is open
 * @param tiers          the tiers of complaint line (escalation links are checked against them)
 * @param atRiskMargin   an open ticket whose deadline falls within this margin is "at risk"
 * @param popLookback    a fresh WebSocket with no last-seen id gets the pops of this recent past
 * @param wallboardEvery how often the wallboard is recomputed and pushed
 * @param maxLiveSockets WebSockets allowed at once (further upgrades get 503): a guard for
 *                       memory and file descriptors only, since the sockets share one Redis read
 *                       per instance (10,000 by default; BENCHMARKS.md has 2,000 measured)
 * @param rosterPeople   the ids of the configuration's {@code people}: the roster persons a user may be
 */
public record PanelPolicy(ZoneId zone, List<String> queues, Duration claimLease, Duration presenceTtl,
                          ComplaintTiers tiers, Duration atRiskMargin, Duration popLookback, Duration wallboardEvery, int maxLiveSockets,
                          Set<String> rosterPeople) {

    public PanelPolicy {
        queues = List.copyOf(queues);
        rosterPeople = Set.copyOf(rosterPeople);
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("the panel needs at least one dispatch queue (a line id)");
        }
        java.util.Objects.requireNonNull(tiers, "tiers");
        for (Duration d : List.of(claimLease, presenceTtl, atRiskMargin, wallboardEvery)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("panel policy durations must be positive, got " + d);
            }
        }
        if (maxLiveSockets < 1) {
            throw new IllegalArgumentException("maxLiveSockets must be at least 1, got " + maxLiveSockets);
        }
        if (popLookback.isNegative()) {
            throw new IllegalArgumentException("popLookback must not be negative");
        }
    }

    /** Sensible defaults for the given zone and queues (no tiers of complaint line). */
    public static PanelPolicy defaults(ZoneId zone, List<String> queues) {
        return new PanelPolicy(zone, queues, org.hotline.domain.store.ClaimHolds.DEFAULT_LEASE, Duration.ofMinutes(2),
                new ComplaintTiers(java.util.Map.of(), new RepeatRule(zone)),
                Duration.ofHours(4), Duration.ofSeconds(60), Duration.ofSeconds(1), 10_000, Set.of());
    }

    public PanelPolicy withWallboardEvery(Duration every) {
        return new PanelPolicy(zone, queues, claimLease, presenceTtl, tiers, atRiskMargin, popLookback, every,
                maxLiveSockets, rosterPeople);
    }

    public PanelPolicy withMaxLiveSockets(int max) {
        return new PanelPolicy(zone, queues, claimLease, presenceTtl, tiers, atRiskMargin, popLookback,
                wallboardEvery, max, rosterPeople);
    }

    public PanelPolicy withTiers(ComplaintTiers t) {
        return new PanelPolicy(zone, queues, claimLease, presenceTtl, t, atRiskMargin, popLookback,
                wallboardEvery, maxLiveSockets, rosterPeople);
    }

    public PanelPolicy withRosterPeople(Set<String> ids) {
        return new PanelPolicy(zone, queues, claimLease, presenceTtl, tiers, atRiskMargin, popLookback,
                wallboardEvery, maxLiveSockets, ids);
    }
}
