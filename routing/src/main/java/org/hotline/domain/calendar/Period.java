package org.hotline.domain.calendar;

/**
 * Which part of the working calendar an instant falls in; decides who answers a call.
 */
public enum Period {
    /** Office hours of a working day: the line's agents answer. */
    OFFICE,
    /** The lunch window of a working day: the lunch-duty staff answer (A, then B). */
    LUNCH,
    /** A working day outside office hours: the duty manager of the duty day answers. */
    AFTER_HOURS,
    /** A weekend, public holiday or ad-hoc closure: the duty manager answers. */
    CLOSED
}
