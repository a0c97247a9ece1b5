package org.hotline.domain.ticket;

/** How a complaint is judged while it is handled. */
public enum Classification {
    /** Our fault: apologise, fix, take corrective action. Closes only on a satisfied call-back. */
    VALID,
    /** Caused by others or a legacy problem: explain, plan, reply. Closes when the caller accepts. */
    TO_BE_IMPROVED,
    /** A misunderstanding: explain in detail. */
    INVALID
}
