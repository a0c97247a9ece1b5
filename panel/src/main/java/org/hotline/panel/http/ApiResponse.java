package org.hotline.panel.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a route handler answers: status, content type, body bytes and extra headers (for
 * example {@code Set-Cookie}). Immutable; the server adds the security headers.
 */
public record ApiResponse(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers) {

    public ApiResponse {
        headers = List.copyOf(headers);
    }

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, "application/json; charset=utf-8", body, List.of());
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, "application/json; charset=utf-8", new byte[0], List.of());
    }

    /** A copy with one more header. */
    public ApiResponse withHeader(String name, String value) {
        var all = new java.util.ArrayList<>(headers);
        all.add(Map.entry(name, value));
        return new ApiResponse(status, contentType, body, all);
    }
}
