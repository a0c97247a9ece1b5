package org.hotline.domain.store;

/** The storage server (PostgreSQL or Redis) cannot be reached; the operation did not happen. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
