package org.hotline.domain.notify;

/** Delivers a notification on its channel (SMTP, webhook). Implementations are thread-safe. */
public interface NotificationSender {

    /** The channel this sender delivers. */
    Channel channel();

    /**
     * Delivers {@code n}; returns normally only when the other side accepted it.
     *
     * @throws Exception with a message saying what failed (kept on the entry, shown in the dead-letter list)
     */
    void send(Notification n) throws Exception;
}
