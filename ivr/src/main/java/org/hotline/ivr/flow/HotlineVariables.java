package org.hotline.ivr.flow;

/**
 * The channel variables of the AGI contract ({@code ivr/AGI-CONTRACT.md}); the dialplan in
 * {@code asterisk-config/extensions.conf} reads exactly these names.
 */
public final class HotlineVariables {
    /** OK, FALLBACK, UNKNOWN_LINE (set by the flow); OVERLOAD, UNKNOWN_FLOW (set by the server). */
    public static final String STATUS = "HOTLINE_STATUS";
    /** The ticket number, e.g. HL-2026-000123 (screen pops find the ticket by it). */
    public static final String TICKET = "HOTLINE_TICKET";
    /** QUEUE, FORWARD or VOICEMAIL: what the call needs. */
    public static final String ACTION = "HOTLINE_ACTION";
    /** The Asterisk queue for ACTION=QUEUE. */
    public static final String QUEUE = "HOTLINE_QUEUE";
    /** Prefix of HOTLINE_TARGET_1..n: dial strings for ACTION=FORWARD, in order. */
    public static final String TARGET = "HOTLINE_TARGET_";
    /** Prefix of HOTLINE_RING_1..n: ring seconds of each target. */
    public static final String RING = "HOTLINE_RING_";
    /** Number of forward targets. */
    public static final String TARGETS = "HOTLINE_TARGETS";
    /** The voicemail box (mailbox@context) of the last resort. */
    public static final String VOICEMAIL = "HOTLINE_VOICEMAIL";
    /** The request kind chosen in the menu (complaint, ..., urgent), empty when none. */
    public static final String KIND = "HOTLINE_KIND";
    /** What the flow did in the end: QUEUED_ANSWERED, QUEUED, ANSWERED, MESSAGE, NO_ANSWER, ABANDONED. */
    public static final String RESULT = "HOTLINE_RESULT";

    private HotlineVariables() {
    }
}
