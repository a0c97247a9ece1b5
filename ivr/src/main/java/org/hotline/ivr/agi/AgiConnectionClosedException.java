package org.hotline.ivr.agi;

/** The FastAGI connection closed before a command got its reply. */
public final class AgiConnectionClosedException extends RuntimeException {
    public AgiConnectionClosedException(String message) {
        super(message);
    }
}
