package org.hotline.app.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.ivr.flow.HotlineRouting;
import org.hotline.panel.roster.RosterOverlay;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.routing.RoutingDecision;

/**
 * The routing the call flow uses: the configuration file's router with the duty-roster
 * overrides saved in the panel laid over it (by this instance through {@code ObservedDutyOverrides},
 * by another through storage's change listener, within a second). A change of overrides builds a new immutable
 * {@link CallRouter} and swaps it in; a call always decides on one consistent router.
 *
 * <p>Thread-safe: reads are lock-free, {@link #apply} may be called from any thread.
 */
final class LiveRouting implements HotlineRouting {
    private final HotlineConfig fileConfig;
    private final AtomicReference<CallRouter> router;

    LiveRouting(HotlineConfig fileConfig, List<DutyOverride> overrides) {
        this.fileConfig = fileConfig;
        this.router = new AtomicReference<>(build(overrides));
    }

    /** Rebuilds the router with these panel overrides (all of them, not a delta). */
    void apply(List<DutyOverride> overrides) {
        router.set(build(overrides));
    }

    @Override
    public Optional<LineConfig> lineForNumber(String dialled) {
        return router.get().lineForNumber(dialled);
    }

    @Override
    public RoutingDecision decide(String lineId, Instant at, boolean urgent) {
        return router.get().decide(lineId, at, urgent);
    }

    private CallRouter build(List<DutyOverride> overrides) {
        return new CallRouter(overrides.isEmpty() ? fileConfig : RosterOverlay.apply(fileConfig, overrides));
    }
}
