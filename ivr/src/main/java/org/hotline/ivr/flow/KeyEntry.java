package org.hotline.ivr.flow;

import org.hotline.ivr.agi.AgiReply;

/**
 * What the caller did at one GET DATA: keyed something (ended by {@code #} or the digit limit),
 * let it time out (possibly after some keys), hung up, or what Asterisk could not tell apart.
 *
 * <p>From {@code handle_getdata} in {@code res_agi.c}, checked against Asterisk 22
 * ({@code AgiRepliesIT}): {@code 200 result=<keys>} when ended by {@code #} or the limit
 * ({@code #} alone gives an empty result), {@code 200 result=<keys> (timeout)} when the caller
 * stopped keying, 511 on a dead channel, and {@code 200 result=-1} both when the caller hung up
 * during the prompt <em>and</em> when the prompt's sound file does not exist. That last reply
 * is {@link Kind#FAILED}: {@link PromptPlayer} asks {@code CHANNEL STATUS} to tell which.
 */
record KeyEntry(Kind kind, String keys) {

    enum Kind { KEYED, TIMEOUT, HUNG_UP, FAILED }

    static KeyEntry of(AgiReply reply) {
        if (reply.code() == 511) {
            return hungUp();
        }
        if (!reply.isSuccess()) {
            throw new IllegalStateException("GET DATA refused: " + reply.code() + " " + reply.text());
        }
        if ("-1".equals(reply.result())) {
            return new KeyEntry(Kind.FAILED, "");
        }
        boolean timeout = reply.data().filter("timeout"::equals).isPresent();
        return new KeyEntry(timeout ? Kind.TIMEOUT : Kind.KEYED, reply.result());
    }

    static KeyEntry hungUp() {
        return new KeyEntry(Kind.HUNG_UP, "");
    }

    /** The caller pressed {@code #} with nothing before it. */
    boolean poundOnly() {
        return kind == Kind.KEYED && keys.isEmpty();
    }

    /** The caller pressed {@code *}: repeat the question / go back. */
    boolean star() {
        return keys.indexOf('*') >= 0;
    }

    /** Nothing usable: timed out with no keys. */
    boolean nothing() {
        return kind == Kind.TIMEOUT && keys.isEmpty();
    }
}
