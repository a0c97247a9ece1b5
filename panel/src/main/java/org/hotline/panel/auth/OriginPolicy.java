package org.hotline.panel.auth;

import java.util.List;
import java.util.Locale;

/**
 * Decides whether a request's {@code Origin} may act on the panel (open the WebSocket, send a
 * state-changing request). With configured origins only those match; with none, the origin
 * must name the same host and port as the request's {@code Host} header (a page on another
 * site cannot forge Origin in a browser). A missing Origin is refused for WebSockets (browsers
 * always send it) and allowed for plain requests (same-origin GET/POST by older browsers,
 * non-browser clients; those still need the session cookie and the CSRF token).
 */
public final class OriginPolicy {
    private final List<String> allowed;

    public OriginPolicy(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean allows(String origin, String host) {
        if (origin == null) {
            return false;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (!allowed.isEmpty()) {
            return allowed.contains(o);
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }
}
