package org.hotline.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.app.notify.SmtpSender;
import org.hotline.app.notify.WebhookSender;
import org.hotline.domain.leadership.MajorComplaintRules;
import org.hotline.domain.notify.Contact;
import org.hotline.domain.ticket.RequestKind;

/** Reads the {@code notifications} section (see {@code app/CONFIG.md}). Stateless. */
final class NotificationSectionReader {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9+_.@:-]{1,128}");

    NotificationSection notifications(YamlNode node) {
        if (node.isAbsent()) {
            return NotificationSection.defaults();
        }
        return node.fields(Set.of("smtp", "webhook", "people", "send-every-seconds", "major-complaint-kinds",
                "major-complaint-repeat-caller", "follow-up-every-days", "duty-voice-call"), f -> new NotificationSection(
                f.optional("smtp", this::smtp),
                f.optional("webhook", this::webhook),
                f.optional("people", n -> n.map((user, c) -> {
                    if (!USER.matcher(user).matches()) {
                        throw c.fail("expected a panel user name (lower-case letters, digits, _ . -) as the key, got "
                                + YamlNode.quote(user));
                    }
                    return contact(user, c);
                }), java.util.Map.of()),
                Duration.ofSeconds(f.optional("send-every-seconds", n -> n.integer(1, 3600, "seconds"),
                        NotificationSection.DEFAULT_SEND_SECONDS)),
                new MajorComplaintRules(
                        java.util.Set.copyOf(f.optional("major-complaint-kinds", n -> n.list(k -> {
                            try {
                                return RequestKind.parse(k.string());
                            } catch (IllegalArgumentException e) {
                                throw k.fail(e.getMessage());
                            }
                        }), java.util.List.of(RequestKind.URGENT))),
                        f.optional("major-complaint-repeat-caller", YamlNode::bool, true)),
                Duration.ofDays(f.optional("follow-up-every-days", n -> n.integer(1, 60, "days"),
                        NotificationSection.DEFAULT_FOLLOW_UP_DAYS)),
                f.optional("duty-voice-call", YamlNode::bool, false)));
    }

    private SmtpSender.Config smtp(YamlNode node) {
        return node.fields(Set.of("host", "port", "from", "username", "password", "starttls"), f -> new SmtpSender.Config(
                f.required("host", n -> n.matching(HOST, "a host name or IP address")),
                f.optional("port", n -> n.integer(1, 65535, "a TCP port"), 25),
                f.required("from", n -> n.matching(EMAIL, "an e-mail address such as hotline@example.org")),
                f.optional("username", YamlNode::string, ""),
                f.optional("password", YamlNode::string, ""),
                f.optional("starttls", YamlNode::bool, false)));
    }

    private WebhookSender.Config webhook(YamlNode node) {
        return node.fields(Set.of("url", "secret"), f -> new WebhookSender.Config(
                f.required("url", n -> {
                    String text = n.string();
                    try {
                        URI uri = new URI(text);
                        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                            throw n.fail("expected an http or https URL such as https://sms.example.org/hotline, got "
                                    + YamlNode.quote(text));
                        }
                        return uri;
                    } catch (URISyntaxException e) {
                        throw n.fail("expected an http or https URL, got " + YamlNode.quote(text));
                    }
                }),
                f.required("secret", n -> {
                    String s = n.string();
                    if (s.length() < 16) {
                        throw n.fail("expected a shared secret of at least 16 characters, got " + s.length());
                    }
                    return s;
                })));
    }

    private Contact contact(String user, YamlNode node) {
        return node.fields(Set.of("email", "webhook", "quiet-from", "quiet-until"), f -> {
            var email = f.optional("email", n -> n.matching(EMAIL, "an e-mail address"));
            var webhook = f.optional("webhook", n -> n.matching(ADDRESS, "the person's address at the webhook gateway "
                    + "(a mobile number, a chat id: letters, digits, + _ . @ : -)"));
            var from = f.optional("quiet-from", YamlNode::time);
            var until = f.optional("quiet-until", YamlNode::time);
            if (from.isPresent() != until.isPresent() && !f.failed()) {
                f.fail(node, "quiet hours need both quiet-from and quiet-until");
            }
            if (email.isEmpty() && webhook.isEmpty() && !f.failed()) {
                f.fail(node, "names no channel; expected email or webhook");
            }
            return new Contact(user, email, webhook, from.isPresent() && until.isPresent() ? from : Optional.empty(),
                    from.isPresent() && until.isPresent() ? until : Optional.empty());
        });
    }
}
