package org.hotline.ivr.cdr;

/**
 * What Asterisk's dialplan did with a call, as its call records tell it: somebody answered, the
 * caller reached a voicemail box, or neither.
 */
public sealed interface FallbackOutcome {

    /** The call was answered at {@code device}: a queue member's device or the dial string that answered. */
    record AnsweredAt(String device) implements FallbackOutcome {}

    /** Nobody answered; the caller reached voicemail box {@code box} ({@code complaints@hotline}). */
    record Voicemail(String box) implements FallbackOutcome {}

    /** Nobody answered and no voicemail box was reached. */
    record Nobody() implements FallbackOutcome {}
}
