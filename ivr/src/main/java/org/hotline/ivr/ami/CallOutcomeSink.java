package org.hotline.ivr.ami;

import org.hotline.domain.ticket.CallOutcome;

/**
 * Where the AMI client records what it learned about a call on the call's ticket, by ticket
 * number. Implementations must be thread-safe; a failure is theirs to log (the caller is the
 * AMI client's outcome thread, which goes on with the next one).
 */
@FunctionalInterface
public interface CallOutcomeSink {

    void record(String ticketNumber, CallOutcome outcome);
}
