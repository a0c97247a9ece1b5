package org.hotline.panel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser-like client for API tests: keeps the session cookie, sends the CSRF token it was
 * given, and sets Origin like a same-origin page. Not thread-safe.
 */
final class TestHttp {
    final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> cookies = new HashMap<>();
    String csrf;

    TestHttp(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(builder(path).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        var b = builder(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b);
    }

    HttpResponse<String> postWithoutCsrf(String path, String json) throws IOException, InterruptedException {
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        var b = builder(path).method(method, HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b);
    }

    HttpRequest.Builder builder(String path) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (!cookies.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            cookies.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", sb.toString());
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> res = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        res.headers().allValues("set-cookie").forEach(c -> {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String v = pair.substring(eq + 1);
            if (v.isEmpty() || c.contains("Max-Age=0")) {
                cookies.remove(pair.substring(0, eq));
            } else {
                cookies.put(pair.substring(0, eq), v);
            }
        });
        return res;
    }

    HttpClient client() { return client; }
}
