package org.hotline.panel.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Headers every response carries. The Content-Security-Policy allows only our own scripts,
 * styles and connections (the page uses no inline script or style attribute), no plugins, no
 * framing and no {@code <base>}: injected markup, if any ever slipped through, could not run.
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {}

    public static void apply(HttpHeaders headers, boolean secureTransport) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cache-Control", "no-store");
        if (secureTransport) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
