package org.hotline.domain.routing;

import java.util.List;
import org.hotline.domain.calendar.Period;

/**
 * Who must answer a call now: the value {@code CallRouter.decide} returns and the IVR turns
 * into AGI commands. Every decision carries the {@link Fallback} to take when nobody answers,
 * so no call can end without a record that someone acts on.
 */
public sealed interface RoutingDecision
        permits RoutingDecision.Queue, RoutingDecision.Forward, RoutingDecision.Voicemail {

    /** The calendar period the decision was made for. */
    Period period();

    /** What happens when the primary action reaches nobody. */
    Fallback fallback();

    /** Put the call in the line's Asterisk queue (office hours). */
    record Queue(Period period, String queue, Fallback fallback) implements RoutingDecision {}

    /** Ring the targets one after the other, in order (duty A, then B). */
    record Forward(Period period, List<ForwardTarget> targets, Fallback fallback) implements RoutingDecision {
        public Forward {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a forward needs at least one target");
            }
        }
    }

    /** Nobody can be tried (for example a roster gap): straight to the fallback. */
    record Voicemail(Period period, Fallback fallback) implements RoutingDecision {}
}
