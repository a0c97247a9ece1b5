package org.hotline.ivr.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.ivr.agi.AgiSession;

/**
 * What the flow leaves on the channel when it cannot finish (a dependency missed its deadline,
 * a bug): {@code HOTLINE_STATUS=FALLBACK} plus everything known that lets the dialplan still
 * reach a person: the ticket, the line's queue and voicemail box, and the decision's variables
 * if one was made. With no line known, only the status: the dialplan's static fallback runs.
 */
final class FallbackVerdict {
    private final AgiSession session;
    private final CallRecord record;
    private final DialTemplate dial;

    FallbackVerdict(AgiSession session, CallRecord record, DialTemplate dial) {
        this.session = session;
        this.record = record;
        this.dial = dial;
    }

    Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (record.ticket != null) {
            variables.put(HotlineVariables.TICKET, record.ticket.number());
        }
        if (record.line != null) {
            variables.put(HotlineVariables.QUEUE, record.line.queue());
            variables.put(HotlineVariables.VOICEMAIL, record.line.voicemail());
        }
        if (record.decision != null) {
            variables.putAll(DecisionVariables.of(record.decision, dial));
        }
        variables.put(HotlineVariables.STATUS, "FALLBACK");
        return variables;
    }

    CompletableFuture<Void> set() {
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (var variable : variables().entrySet()) {
            last = session.setVariable(variable.getKey(), variable.getValue());
        }
        return last.thenAccept(reply -> { });
    }
}
