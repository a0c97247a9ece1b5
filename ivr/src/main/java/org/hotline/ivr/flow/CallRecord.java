package org.hotline.ivr.flow;

import org.hotline.config.LineConfig;
import org.hotline.routing.RoutingDecision;
import org.hotline.ticket.IntakeUpdate;
import org.hotline.ticket.RequestKind;
import org.hotline.ticket.Ticket;

/** What the flow knows about one call so far. Mutable, confined to the call's flow. */
final class CallRecord {
    String linkedid;
    LineConfig line;
    Ticket ticket;
    RoutingDecision decision;
    RequestKind kind;
    String callback;
    String location;
    String message;
    boolean routed;
    /** A final outcome (answered, message, no answer) is on the ticket: nothing may overwrite it. */
    boolean settled;

    boolean urgent() {
        return kind == RequestKind.URGENT;
    }

    /** The intake captured so far; {@code null} parts are left unchanged by the store. */
    IntakeUpdate intakeUpdate() {
        return IntakeUpdate.none().withKind(kind).withCallbackNumber(callback).withLocation(location)
                .withVoiceMessageRef(message);
    }
}
