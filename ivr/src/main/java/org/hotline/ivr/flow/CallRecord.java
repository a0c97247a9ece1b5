package org.hotline.ivr.flow;

import org.hotline.domain.config.LineConfig;
import org.hotline.domain.routing.RoutingDecision;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;

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
    /** How the message was kept when not in the recording directory ({@code CallOutcome.Voicemail#keptBy}). */
    String messageKeptBy;
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
