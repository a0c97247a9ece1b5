package org.hotline.ivr.flow;

/** The caller hung up; the flow stops asking and records the call as abandoned. */
final class CallerHungUpException extends RuntimeException {
    CallerHungUpException(String during) {
        super("the caller hung up during " + during, null, false, false);
    }
}
