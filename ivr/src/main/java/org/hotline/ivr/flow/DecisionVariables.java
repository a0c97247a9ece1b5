package org.hotline.ivr.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.domain.routing.ForwardTarget;
import org.hotline.domain.routing.RoutingDecision;

/**
 * A routing decision as the channel variables of the AGI contract, in the order they are set.
 * The flow sets them before it acts, so a dialplan that regains control early (service gone
 * mid-call, fallback verdict) can carry the decision out itself.
 */
final class DecisionVariables {
    private DecisionVariables() {
    }

    static Map<String, String> of(RoutingDecision decision, DialTemplate dial) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (decision instanceof RoutingDecision.Queue queue) {
            variables.put(HotlineVariables.ACTION, "QUEUE");
            variables.put(HotlineVariables.QUEUE, queue.queue());
        } else if (decision instanceof RoutingDecision.Forward forward) {
            variables.put(HotlineVariables.ACTION, "FORWARD");
            List<ForwardTarget> targets = forward.targets();
            variables.put(HotlineVariables.TARGETS, Integer.toString(targets.size()));
            for (int i = 0; i < targets.size(); i++) {
                variables.put(HotlineVariables.TARGET + (i + 1), dial.dialString(targets.get(i).number()));
                variables.put(HotlineVariables.RING + (i + 1), Integer.toString(targets.get(i).ringSeconds()));
            }
        } else {
            variables.put(HotlineVariables.ACTION, "VOICEMAIL");
        }
        variables.put(HotlineVariables.VOICEMAIL, decision.fallback().voicemailBox());
        return variables;
    }
}
