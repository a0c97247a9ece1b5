package org.hotline.ivr.flow;

import org.hotline.ivr.agi.AgiReply;

/**
 * What the caller did at one GET DATA: keyed something (ended by {@code #} or the digit limit),
 * let it time out (possibly after some keys), or hung up.
 *
 * <p>From {@code handle_getdata} in {@code res_agi.c}: {@code 200 result=<keys>} when ended by
 * {@code #} or the limit ({@code #} alone gives an empty result), {@code 200 result=<keys>
 * (timeout)} when the caller stopped keying, {@code 200 result=-1} on hangup, 511 on a dead
 * channel.
 */
record KeyEntry(Kind kind, String keys) {

    enum Kind { KEYED, TIMEOUT, HUNG_UP }

    static KeyEntry of(AgiReply reply) {
        if (reply.channelGone() || !reply.isSuccess()) {
            return new KeyEntry(Kind.HUNG_UP, "");
        }
        boolean timeout = reply.data().filter("timeout"::equals).isPresent();
        return new KeyEntry(timeout ? Kind.TIMEOUT : Kind.KEYED, reply.result());
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
