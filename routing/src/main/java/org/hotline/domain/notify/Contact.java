package org.hotline.domain.notify;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a person is reached off the panel, and when not.
 *
 * @param username   the panel user
 * @param email      e-mail address, if any
 * @param webhook    the person's address at the webhook gateway (a mobile number, a chat id), if any
 * @param quietFrom  start of the person's quiet hours (local), if any
 * @param quietUntil end of the quiet hours; may be before {@code quietFrom} (over midnight)
 */
public record Contact(String username, Optional<String> email, Optional<String> webhook,
        Optional<LocalTime> quietFrom, Optional<LocalTime> quietUntil) {
    public Contact {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(webhook, "webhook");
        if (quietFrom.isPresent() != quietUntil.isPresent()) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
    }

    /** Whether {@code time} is in the quiet hours. */
    public boolean quietAt(LocalTime time) {
        if (quietFrom.isEmpty()) {
            return false;
        }
        LocalTime from = quietFrom.get();
        LocalTime until = quietUntil.get();
        return from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }
}
