package org.hotline.ivr.agi;

import java.time.Duration;

/** A dependency (ticket store, router) did not answer within the call's deadline. */
public final class DependencyTimeoutException extends RuntimeException {
    public DependencyTimeoutException(Duration deadline, Throwable cause) {
        super("a dependency did not answer within " + deadline.toMillis() + " ms", cause);
    }

    public DependencyTimeoutException(String message) {
        super(message);
    }
}
