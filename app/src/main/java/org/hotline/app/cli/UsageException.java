package org.hotline.app.cli;

/**
 * The command line or an input value is wrong (unknown command or flag, missing or malformed
 * value, unknown line id): exit code 2 with the message, and the usage of the command when
 * {@link #showUsage()} says so.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean showUsage;

    private UsageException(String message, boolean showUsage) {
        super(message);
        this.showUsage = showUsage;
    }

    /** A malformed command line: the usage is printed after the message. */
    public static UsageException usage(String message) {
        return new UsageException(message, true);
    }

    /** A well-formed command line with a value that does not fit the configuration. */
    public static UsageException badInput(String message) {
        return new UsageException(message, false);
    }

    public boolean showUsage() {
        return showUsage;
    }
}
