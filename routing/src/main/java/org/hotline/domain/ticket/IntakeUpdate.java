package org.hotline.domain.ticket;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the IVR (or an agent) learned about the request; every {@code null} component means
 * "unchanged". Choosing {@link RequestKind#REPORT} makes the ticket confidential (for good).
 * Choosing a kind without an urgency sets the kind's default urgency.
 *
 * @param deadlines due instant per policy step, computed by the caller from the line's deadline
 *                  policy; merged into the ticket's deadlines
 */
public record IntakeUpdate(RequestKind kind, Urgency urgency, String callbackNumber, String location,
        String description, String voiceMessageRef, Map<String, Instant> deadlines) {

    public IntakeUpdate {
        deadlines = deadlines == null ? null : Map.copyOf(deadlines);
    }

    /** An update that changes nothing; start from it with the {@code withXxx} methods. */
    public static IntakeUpdate none() {
        return new IntakeUpdate(null, null, null, null, null, null, null);
    }

    public IntakeUpdate withKind(RequestKind v) {
        return new IntakeUpdate(v, urgency, callbackNumber, location, description, voiceMessageRef, deadlines);
    }

    public IntakeUpdate withUrgency(Urgency v) {
        return new IntakeUpdate(kind, v, callbackNumber, location, description, voiceMessageRef, deadlines);
    }

    public IntakeUpdate withCallbackNumber(String v) {
        return new IntakeUpdate(kind, urgency, v, location, description, voiceMessageRef, deadlines);
    }

    public IntakeUpdate withLocation(String v) {
        return new IntakeUpdate(kind, urgency, callbackNumber, v, description, voiceMessageRef, deadlines);
    }

    public IntakeUpdate withDescription(String v) {
        return new IntakeUpdate(kind, urgency, callbackNumber, location, v, voiceMessageRef, deadlines);
    }

    public IntakeUpdate withVoiceMessageRef(String v) {
        return new IntakeUpdate(kind, urgency, callbackNumber, location, description, v, deadlines);
    }

    public IntakeUpdate withDeadlines(Map<String, Instant> v) {
        return new IntakeUpdate(kind, urgency, callbackNumber, location, description, voiceMessageRef, v);
    }

    /** The ticket with this update applied (version and {@code updatedAt} left to the caller). */
    public Ticket applyTo(Ticket t) {
        Ticket.Builder b = t.toBuilder();
        if (kind != null) {
            b.kind(kind);
            if (urgency == null && t.urgency() == Urgency.defaultFor(t.kind())) {
                b.urgency(Urgency.defaultFor(kind));
            }
            if (kind == RequestKind.REPORT) {
                b.confidential(true);
            }
        }
        if (urgency != null) {
            b.urgency(urgency);
        }
        if (callbackNumber != null) {
            b.callbackNumber(callbackNumber);
        }
        if (location != null) {
            b.location(location);
        }
        if (description != null) {
            b.description(description);
        }
        if (voiceMessageRef != null) {
            b.voiceMessageRef(voiceMessageRef);
        }
        if (deadlines != null) {
            Map<String, Instant> merged = new HashMap<>(t.deadlines());
            merged.putAll(deadlines);
            b.deadlines(merged);
        }
        return b.build();
    }
}
