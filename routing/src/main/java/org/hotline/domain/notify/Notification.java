package org.hotline.domain.notify;

import java.util.Objects;

/**
 * One message to one person on one channel.
 *
 * @param key       idempotency key: the same key is sent at most once, whoever enqueues it again
 *                  (a watcher after a restart, a second instance)
 * @param kind      what it is about ({@code deadline-missed}, {@code escalation}, {@code callback-failed}, ...)
 * @param recipient the panel user it is for
 * @param channel   the channel
 * @param address   the address on that channel (e-mail address, or the gateway's address of the person)
 * @param subject   one line
 * @param body      plain text
 * @param ticketId  the ticket it is about, 0 for none (the overnight list)
 */
public record Notification(String key, String kind, String recipient, Channel channel, String address, String subject,
        String body, long ticketId) {
    public Notification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (key.isBlank() || key.length() > 400) {
            throw new IllegalArgumentException("a notification key is 1 to 400 characters, got " + key.length());
        }
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a notification subject is one line");
        }
    }
}
