package org.hotline.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A shift handover record: who is on duty, who handed over, how many items were left open and
 * what needs follow-up. Never changed once written.
 *
 * @param id           assigned by the store ({@code 0} before saving)
 * @param at           when it was written
 * @param onDuty       user taking over
 * @param handedOverBy user handing over
 * @param openItems    number of open items left
 * @param followUp     what needs follow-up
 * @param notes        anything else
 */
public record Handover(long id, Instant at, String onDuty, String handedOverBy, int openItems, String followUp,
        String notes) {
    public Handover {
        Objects.requireNonNull(at, "at");
        if (onDuty == null || onDuty.isBlank() || handedOverBy == null || handedOverBy.isBlank()) {
            throw new IllegalArgumentException("a handover names who is on duty and who handed over");
        }
        if (openItems < 0) {
            throw new IllegalArgumentException("open items cannot be negative");
        }
    }
}
