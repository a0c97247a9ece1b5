package org.hotline.app.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import org.hotline.domain.notify.Channel;
import org.hotline.domain.notify.Notification;
import org.hotline.domain.notify.NotificationSender;

/**
 * E-mail over SMTP with Jakarta Mail (Angus Mail): plain text, UTF-8, one message per
 * notification, with a Message-ID derived from the notification's key so that a message sent
 * again after a crash between delivery and bookkeeping can be recognised as the same one.
 * Connect and read timeouts of 10 s. Thread-safe (a session per configuration, a transport per
 * message).
 */
public final class SmtpSender implements NotificationSender {

    /** The SMTP relay: {@code username} empty for none; {@code starttls} requires it. */
    public record Config(String host, int port, String from, String username, String password, boolean starttls) {
        public Config {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(from, "from");
            username = username == null ? "" : username;
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", from=" + from + ", user=" + username + ", password=***]";
        }
    }

    private final Config config;
    private final Session session;

    public SmtpSender(Config config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        p.put("mail.smtp.auth", Boolean.toString(!config.username().isEmpty()));
        if (config.starttls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Notification n) throws MessagingException {
        MimeMessage m = new KeyedMessage(session, messageId(n.key(), config.from()));
        m.setFrom(new InternetAddress(config.from(), true));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(n.address(), true));
        m.setSubject(n.subject(), StandardCharsets.UTF_8.name());
        m.setText(n.body(), StandardCharsets.UTF_8.name());
        m.setHeader("X-Hotline-Kind", n.kind());
        if (config.username().isEmpty()) {
            Transport.send(m);
        } else {
            Transport.send(m, config.username(), config.password());
        }
    }

    /** {@code <sha256(key)@domain of from>}: the same notification always has the same id. */
    static String messageId(String key, String from) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "") : "hotline";
            return "<" + HexFormat.of().formatHex(h, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A message whose Message-ID is ours, not a fresh one. */
    private static final class KeyedMessage extends MimeMessage {
        private final String id;

        KeyedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
