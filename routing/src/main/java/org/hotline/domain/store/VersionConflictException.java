package org.hotline.domain.store;

/**
 * The ticket changed since the caller read it (optimistic locking): reload it and decide again.
 * Nothing was written.
 */
public final class VersionConflictException extends RuntimeException {
    private final long id;
    private final long expected;
    private final long actual;

    public VersionConflictException(long id, String number, long expected, long actual) {
        super("ticket " + number + " was changed by someone else (version " + actual + ", you edited version "
                + expected + "); reload it and try again");
        this.id = id;
        this.expected = expected;
        this.actual = actual;
    }

    public long id() { return id; }
    public long expected() { return expected; }
    public long actual() { return actual; }
}
