package org.hotline.ivr.flow;

/** The dialled number belongs to no configured line. */
final class UnknownLineException extends RuntimeException {
    UnknownLineException(String dialled) {
        super("the dialled number '" + dialled + "' belongs to no line in the configuration (lines[].numbers)",
                null, false, false);
    }
}
