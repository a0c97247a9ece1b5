package org.hotline.panel.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.util.Optional;

/**
 * The session cookie: its name ({@code __Host-} prefixed when the panel is behind TLS,
 * {@code panel.secure-cookies}) and reading it from a request. Stateless.
 */
public final class SessionCookies {
    public static final String SESSION = "hotline_session";
    public static final String SECURE_SESSION = "__Host-hotline_session";

    private SessionCookies() {}

    public static String name(boolean secure) {
        return secure ? SECURE_SESSION : SESSION;
    }

    /** The session id the request's cookie carries, if any. */
    public static Optional<String> of(HttpRequest request, boolean secure) {
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return Optional.empty();
        }
        String name = name(secure);
        for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
            if (c.name().equals(name)) {
                return Optional.of(c.value());
            }
        }
        return Optional.empty();
    }
}
