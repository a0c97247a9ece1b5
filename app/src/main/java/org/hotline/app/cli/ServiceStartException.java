package org.hotline.app.cli;

/**
 * The service cannot start for a reason the operator can fix (a port in use, a database that
 * cannot be reached or prepared): the command line prints the message alone, with no stack
 * trace, and exits 1.
 */
public final class ServiceStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
