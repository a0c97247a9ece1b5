package org.hotline.ivr.ami;

import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.CallOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records AMI-learned outcomes on the ticket store ({@link TicketStore#recordCallOutcome}, which
 * appends one history event per change and ignores a repeated outcome). An unknown ticket number
 * or a store failure is logged and dropped: the ticket then keeps what the flow recorded.
 * Thread-safe if the store is.
 */
public final class TicketOutcomes implements CallOutcomeSink {
    private static final Logger log = LoggerFactory.getLogger(TicketOutcomes.class);
    private final TicketStore tickets;

    public TicketOutcomes(TicketStore tickets) {
        this.tickets = tickets;
    }

    @Override
    public void record(String ticketNumber, CallOutcome outcome) {
        try {
            tickets.findByNumber(ticketNumber).ifPresentOrElse(
                    ticket -> tickets.recordCallOutcome(ticket.id(), outcome),
                    () -> log.warn("AMI: the dialplan named ticket {}, which the store does not know; {} not recorded",
                            ticketNumber, outcome));
        } catch (RuntimeException e) {
            log.warn("AMI: {} not recorded on ticket {}: {}", outcome, ticketNumber, e.toString());
        }
    }
}
