package org.hotline.ivr.agi;

/** Asterisk sent something that is not AGI; the call is ended with a fallback verdict. */
public final class AgiProtocolException extends RuntimeException {
    public AgiProtocolException(AgiProtocolError error) {
        super("AGI protocol error: expected " + error.reason() + ", got '" + error.line() + "'");
    }
}
