package org.hotline.ticket;

/** No ticket has the given id or number. */
public final class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(String what) {
        super("no ticket " + what);
    }
}
