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
 * @param number       the ticket number reserved for this call ahead of the write (a block of numbers
 *                     taken from the database's sequence, so the caller is told it without waiting
 *                     for the write), or {@code null} to take the next number when the ticket is written
 */
public record CallIntake(String line, String callerNumber, String callerName, String uniqueid,
        String linkedid, Instant at, String number) {

    /** An intake whose ticket takes the next number when it is written. */
    public CallIntake(String line, String callerNumber, String callerName, String uniqueid, String linkedid,
            Instant at) {
        this(line, callerNumber, callerName, uniqueid, linkedid, at, null);
    }

    /** This intake with the ticket number reserved for it. */
    public CallIntake withNumber(String reserved) {
        return new CallIntake(line, callerNumber, callerName, uniqueid, linkedid, at, reserved);
    }

    public CallIntake {
        if (number != null && !number.matches("HL-[0-9]{4}-[0-9]{6,}")) {
            throw new IllegalArgumentException("a reserved ticket number looks like HL-2026-000123, got " + number);
        }
        Objects.requireNonNull(at, "at");
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("a call intake needs the line id");
        }
        if (linkedid == null || linkedid.isBlank()) {
            throw new IllegalArgumentException("a call intake needs the Asterisk linkedid (its idempotency key)");
        }
    }
}
