/**
 * Working time on a real calendar: {@code WorkingCalendar} (office hours, lunch, holidays,
 * make-up days, half days, closures, in one zone), {@code WallClock} and the iCalendar holiday
 * reader.
 */
package org.hotline.domain.calendar;
