package org.hotline.domain.notify;

/** How a notification leaves the panel. */
public enum Channel {
    /** E-mail over SMTP to the person's address. */
    EMAIL,
    /** A signed (HMAC-SHA256) HTTP POST to the configured gateway (SMS, chat), naming the person's address there. */
    WEBHOOK
}
