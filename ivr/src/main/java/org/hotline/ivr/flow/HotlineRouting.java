package org.hotline.ivr.flow;

import java.time.Instant;
import java.util.Optional;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.routing.RoutingDecision;

/**
 * What the hotline flow needs from the routing core: the same two methods as
 * {@link CallRouter}, declared here so the flow can be tested with a hand-written fake; the app
 * hands in the real router with {@link #of(CallRouter)}. Implementations may block (they are called
 * through {@link org.hotline.ivr.agi.AgiSession#call}) and must be thread-safe.
 */
public interface HotlineRouting {

    /** The line a dialled number belongs to. */
    Optional<LineConfig> lineForNumber(String dialled);

    /** Who must answer a call on {@code lineId} at {@code at}; {@code urgent} for urgent requests. */
    RoutingDecision decide(String lineId, Instant at, boolean urgent);

    /** The routing core's router as the flow sees it. */
    static HotlineRouting of(CallRouter router) {
        return new HotlineRouting() {
            @Override
            public Optional<LineConfig> lineForNumber(String dialled) {
                return router.lineForNumber(dialled);
            }

            @Override
            public RoutingDecision decide(String lineId, Instant at, boolean urgent) {
                return router.decide(lineId, at, urgent);
            }
        };
    }
}
