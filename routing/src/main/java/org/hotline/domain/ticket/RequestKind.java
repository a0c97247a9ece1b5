package org.hotline.domain.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of request a caller makes, as chosen in the IVR menu or by an agent. The menu digit
 * of each kind is its position in the standard menu (1 complaint ... 6 urgent help).
 * {@link #UNKNOWN} is no caller's choice: it is given to a ticket whose call ended (or was taken
 * over by the dialplan's fallback) before a kind was chosen, so that the ticket still has a
 * deadline policy and the deadline watcher escalates it; an agent sets the real kind later.
 */
public enum RequestKind {
    /** Recorded, dispatched, handled within a deadline, called back, closed on satisfaction. */
    COMPLAINT('1'),
    /** Answered on the spot when possible, otherwise the same day. */
    INQUIRY('2'),
    /** Sent to the responsible manager for a decision. */
    SUGGESTION('3'),
    /** A report or tip-off: the reporter's identity is confidential. */
    REPORT('4'),
    /** A repair request: becomes a work order for engineering. */
    REPAIR('5'),
    /** Urgent help (medical, theft, fire, flooding, gas): immediate escalation, not a queue. */
    URGENT('6'),
    /**
     * No kind was chosen before the call left the IVR for a reason other than the caller hanging
     * up (the flow could not finish: see {@code CallDisposition.INTERRUPTED}). Not selectable by
     * any key. Its deadlines come from the line's {@code deadlines.unknown} policy, or, when the
     * line names none, its {@code complaint} policy (see {@code LineConfig#policyFor}).
     */
    UNKNOWN('\0');


    private final char digit;

    RequestKind(char digit) {
        this.digit = digit;
    }

    /** The DTMF digit that selects this kind in the standard menu ({@code '\0'} for {@link #UNKNOWN}: none). */
    public char digit() {
        return digit;
    }

    /** The kind a menu digit selects, or empty when the digit selects nothing. */
    public static Optional<RequestKind> fromDigit(char digit) {
        for (RequestKind k : values()) {
            if (k.digit == digit && k != UNKNOWN) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The configuration / API name of this kind: its lower-case name ({@code "complaint"}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a lower-case (or any case) kind name such as {@code "repair"}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not a kind
     */
    public static RequestKind parse(String name) {
        if (name != null) {
            for (RequestKind k : values()) {
                if (k.name().equalsIgnoreCase(name.trim())) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown kind of request '" + name + "'; expected one of "
                + Arrays.stream(values()).map(RequestKind::configName).collect(Collectors.joining(", ")));
    }
}
