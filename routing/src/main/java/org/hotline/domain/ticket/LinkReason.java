package org.hotline.domain.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a ticket names an earlier ticket of the same caller ({@link Ticket#linkedTo()}). */
public enum LinkReason {
    /** an agent judged it the same issue as the earlier one (a repeat, whatever its kind and location) */
    SAME_ISSUE,
    /** the caller escalated the earlier ticket to the next tier of complaint line (project, area, company) */
    ESCALATION;

    /** The API name: {@code same-issue} or {@code escalation}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses an API name ({@code same-issue}, {@code escalation}; case and {@code _} for {@code -} tolerated).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LinkReason parse(String name) {
        if (name != null) {
            for (LinkReason r : values()) {
                if (r.wireName().equalsIgnoreCase(name.trim().replace('_', '-'))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown link reason '" + name + "'; expected one of "
                + Arrays.stream(values()).map(LinkReason::wireName).collect(Collectors.joining(", ")));
    }
}
