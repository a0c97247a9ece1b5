package org.hotline.ivr.flow;

import java.time.Instant;
import java.util.Optional;
import org.hotline.config.LineConfig;
import org.hotline.routing.RoutingDecision;

/**
 * What the hotline flow needs from the routing core: the same two methods as
 * {@code org.hotline.routing.CallRouter}, declared here so the flow can be tested with a
 * hand-written fake and the app can hand in the router (an adapter of two lines, or the router
 * itself once it implements this interface). Implementations may block (they are called
 * through {@link org.hotline.ivr.agi.AgiSession#call}) and must be thread-safe.
 */
public interface HotlineRouting {

    /** The line a dialled number belongs to. */
    Optional<LineConfig> lineForNumber(String dialled);

    /** Who must answer a call on {@code lineId} at {@code at}; {@code urgent} for urgent requests. */
    RoutingDecision decide(String lineId, Instant at, boolean urgent);
}
