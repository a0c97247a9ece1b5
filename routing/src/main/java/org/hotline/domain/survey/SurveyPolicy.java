package org.hotline.domain.survey;

import java.time.Duration;
import java.util.Objects;
import org.hotline.domain.config.TimeRange;

/**
 * When and how often the satisfaction call-back calls a caller back, for one line and kind of
 * request.
 *
 * @param firstAfter  working time after resolution before the first attempt (default 4 working hours)
 * @param window      local hours of a working day in which callers may be called (default 09:00-20:00)
 * @param attempts    how many times the caller is called before the ticket goes on the
 *                    call-back-failed list (default 3)
 * @param retryAfter  least time between the end of one attempt and the next (default 30 min)
 * @param retryWithin the next attempt is due no later than this after the previous one, when the
 *                    window allows (default 60 min); the service places it between the two
 * @param onceEvery   one caller (callback number) is surveyed at most once in this time (default 30 days)
 * @param ring        how long the caller's phone rings before an attempt counts as not answered
 */
public record SurveyPolicy(Duration firstAfter, TimeRange window, int attempts, Duration retryAfter,
        Duration retryWithin, Duration onceEvery, Duration ring) {

    public SurveyPolicy {
        Objects.requireNonNull(firstAfter, "firstAfter");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(onceEvery, "onceEvery");
        Objects.requireNonNull(ring, "ring");
        if (firstAfter.isNegative()) {
            throw new IllegalArgumentException("the first attempt cannot come before resolution: " + firstAfter);
        }
        if (!window.start().isBefore(window.end())) {
            throw new IllegalArgumentException("the calling window " + window.start() + "-" + window.end()
                    + " must start before it ends");
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts must be 1 to 10, got " + attempts);
        }
        if (retryAfter.isNegative() || retryWithin.compareTo(retryAfter) < 0) {
            throw new IllegalArgumentException("retry interval " + retryAfter + " to " + retryWithin
                    + " is inverted or negative");
        }
        if (ring.isNegative() || ring.isZero()) {
            throw new IllegalArgumentException("ring time must be positive, got " + ring);
        }
    }

    /** The defaults of the domain brief: 4 working hours, 09:00-20:00, 3 attempts 30-60 min apart, 30 days, 30 s. */
    public static SurveyPolicy defaults() {
        return new SurveyPolicy(Duration.ofHours(4), new TimeRange(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(20, 0)), 3, Duration.ofMinutes(30),
                Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofSeconds(30));
    }
}
