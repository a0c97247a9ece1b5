package org.hotline.domain.calendar;

/** Malformed iCalendar text: the message starts with the 1-based line number of the problem. */
public final class IcsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int lineNumber;

    public IcsFormatException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based physical line where the offending (possibly folded) content line starts. */
    public int lineNumber() {
        return lineNumber;
    }
}
