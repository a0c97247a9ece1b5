package org.hotline.domain.ticket;

/** {@link TicketLifecycle} refused an action; the message is the reason, meant for the user. Nothing changed. */
public final class TransitionRefusedException extends RuntimeException {
    public TransitionRefusedException(String reason) {
        super(reason);
    }
}
