package org.hotline.domain.store;

/** No ticket has the given id or number. */
public final class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(String what) {
        super("no ticket " + what);
    }
}
