package org.hotline.domain.ticket;

import java.util.List;

/**
 * A caller's previous tickets (newest first) and whether the current request looks like a repeat
 * (same caller, same kind, within the repeat window): shown in the screen pop.
 */
public record CallerHistory(String number, List<Ticket> previous, boolean repeat) {
    public CallerHistory {
        previous = List.copyOf(previous);
    }
}
