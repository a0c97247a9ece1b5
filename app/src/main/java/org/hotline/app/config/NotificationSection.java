package org.hotline.app.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotline.app.notify.SmtpSender;
import org.hotline.app.notify.WebhookSender;
import org.hotline.domain.leadership.MajorComplaintRules;
import org.hotline.domain.notify.Contact;

/**
 * The {@code notifications} section: the channels that reach people off the panel and each
 * person's addresses and quiet hours. Without any channel nothing leaves the panel.
 *
 * @param smtp      the SMTP relay for e-mail
 * @param webhook   the signed webhook (SMS gateway, chat)
 * @param contacts  panel user to contact
 * @param sendEvery how often the outbox is looked at
 * @param major     when the system flags a major complaint for the senior managers
 * @param followUpEvery how long a ticket being worked may go without a follow-up before its owner is reminded
 * @param dutyVoiceCall an urgent after-hours ticket nobody took also rings duty manager A, who hears
 *                      the ticket number (needs {@code surveys.ami}, the originate-only AMI user)
 */
public record NotificationSection(Optional<SmtpSender.Config> smtp, Optional<WebhookSender.Config> webhook,
        Map<String, Contact> contacts, Duration sendEvery, MajorComplaintRules major, Duration followUpEvery,
        boolean dutyVoiceCall) {
    public static final int DEFAULT_FOLLOW_UP_DAYS = 3;

    public static final int DEFAULT_SEND_SECONDS = 15;

    public NotificationSection {
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(webhook, "webhook");
        contacts = Map.copyOf(contacts);
        Objects.requireNonNull(sendEvery, "sendEvery");
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(followUpEvery, "followUpEvery");
    }

    public static NotificationSection defaults() {
        return new NotificationSection(Optional.empty(), Optional.empty(), Map.of(),
                Duration.ofSeconds(DEFAULT_SEND_SECONDS), MajorComplaintRules.defaults(),
                Duration.ofDays(DEFAULT_FOLLOW_UP_DAYS), false);
    }
}
