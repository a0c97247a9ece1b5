package org.hotline.domain.ticket;

import org.hotline.domain.store.TicketStore;
import java.time.Instant;
import java.util.Objects;

/**
 * A call arriving at the IVR: what {@link TicketStore#openForCall(CallIntake)} needs to open the
 * call's ticket. {@code linkedid} is the idempotency key: the same call never opens two tickets.
 *
 * @param line         line id (configuration {@code lines[].id})
 * @param callerNumber caller ID number as received from Asterisk (may be {@code null})
 * @param callerName   caller ID name as received (may be {@code null})
 * @param uniqueid     Asterisk uniqueid of the channel
 * @param linkedid     Asterisk linkedid of the call
 * @param at           when the call arrived
 */
public record CallIntake(String line, String callerNumber, String callerName, String uniqueid,
        String linkedid, Instant at) {
    public CallIntake {
        Objects.requireNonNull(at, "at");
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("a call intake needs the line id");
        }
        if (linkedid == null || linkedid.isBlank()) {
            throw new IllegalArgumentException("a call intake needs the Asterisk linkedid (its idempotency key)");
        }
    }
}
