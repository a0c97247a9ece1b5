package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A log-in to a running instance's panel over real HTTP, as a browser holds it: the session
 * cookie and the CSRF token that state-changing requests carry. Requests may go to another
 * instance's panel ({@link #on}), as behind a load balancer.
 */
final class PanelSession {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final String panel;
    private final String cookie;
    private final String csrf;

    private PanelSession(String panel, String cookie, String csrf) {
        this.panel = panel;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Logs in on {@code panel} (its base URL, ending in {@code /}); fails the test unless it is a 200. */
    static PanelSession login(String panel, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(panel + "api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("log-in of %s: %s", username, r.body()).isEqualTo(200);
        return new PanelSession(panel, cookieOf(r), JSON.readTree(r.body()).get("csrfToken").asText());
    }

    /** A user who must change the password at first log-in changes it; the new session it gets. */
    PanelSession changePassword(String current, String next) throws IOException, InterruptedException {
        HttpResponse<String> r = post("api/session/password",
                "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}");
        assertThat(r.statusCode()).as("password change: %s", r.body()).isEqualTo(200);
        String renewed = r.headers().firstValue("set-cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
        String token = JSON.readTree(r.body()).path("csrfToken").asText(csrf);
        return new PanelSession(panel, renewed, token);
    }

    /** The same session on another instance's panel. */
    PanelSession on(String otherPanel) {
        return new PanelSession(otherPanel, cookie, csrf);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(panel + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(panel + path)).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 200 answer as JSON; fails the test on any other status. */
    static JsonNode ok(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as("%s %s: %s", r.request().method(), r.uri(), r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String cookieOf(HttpResponse<String> r) {
        return r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
    }
}
