package org.hotline.app.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.domain.notify.Channel;
import org.hotline.domain.notify.Notification;
import org.hotline.domain.notify.NotificationSender;

/**
 * A generic signed webhook, for SMS gateways and chat bots: {@code POST url} with a JSON body
 * ({@code id} = the notification key, {@code kind}, {@code to} = the person's address at the
 * gateway, {@code user}, {@code subject}, {@code text}, {@code ticketId}) and the headers
 * {@code X-Hotline-Timestamp} (epoch seconds) and
 * {@code X-Hotline-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the shared secret>}.
 * The receiver recomputes it and should refuse old timestamps (replays) and repeated ids. Any
 * 2xx is delivered; anything else is a failure to retry. Thread-safe.
 */
public final class WebhookSender implements NotificationSender {
    public static final String SIGNATURE_HEADER = "X-Hotline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where to post and the shared secret (at least 16 characters). */
    public record Config(URI url, String secret) {
        public Config {
            Objects.requireNonNull(url, "url");
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("the webhook secret must be at least 16 characters");
            }
        }

        @Override
        public String toString() {
            return "Webhook[" + url + ", secret=***]";
        }
    }

    private final Config config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public WebhookSender(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Notification n) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", n.key());
        body.put("kind", n.kind());
        body.put("to", n.address());
        body.put("user", n.recipient());
        body.put("subject", n.subject());
        body.put("text", n.body());
        body.put("ticketId", n.ticketId());
        String json = JSON.writeValueAsString(body);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(config.url()).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "sha256=" + sign(config.secret(), timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body}: what a receiver recomputes. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
