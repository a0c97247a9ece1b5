package org.hotline.domain.ticket;

/** The result of calling a caller back after resolution. */
public enum CallbackResult {
    /** The caller is satisfied (or accepts the explanation). */
    SATISFIED,
    /** The caller is not satisfied: the ticket may be re-dispatched. */
    UNSATISFIED,
    /** The caller could not be reached: goes on the failed call-back list. */
    NO_ANSWER
}
