package org.hotline.domain.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last resort of every decision: the caller leaves a voice message in {@code voicemailBox}
 * and the ticket is flagged for call-back, notifying {@code notifyPersonIds} (the duty
 * manager) and, at {@code nextOpening}, the first agents on shift.
 */
public record Fallback(String voicemailBox, Optional<Instant> nextOpening, List<String> notifyPersonIds) {
    public Fallback {
        notifyPersonIds = List.copyOf(notifyPersonIds);
    }
}
