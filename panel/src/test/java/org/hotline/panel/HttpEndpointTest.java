package org.hotline.panel;

import org.hotline.panel.auth.SessionCookies;
import org.hotline.domain.ticket.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.hotline.panel.auth.Access;
import org.hotline.panel.auth.InMemorySessionStore;
import org.hotline.panel.auth.Session;
import org.hotline.panel.http.Json;
import org.hotline.panel.http.Router;
import org.hotline.panel.ws.WebSocketEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP plumbing over a real socket: routing, limits, JSON errors, roles, CSRF, headers. */
class HttpEndpointTest {
    private HttpEndpoint endpoint;
    private InMemorySessionStore sessions;
    private String base;
    private Json json;

    @BeforeEach
    void start() throws Exception {
        PanelConfig config = TestPanelConfig.onFreePort();
        json = new Json(config.maxJsonDepth());
        sessions = new InMemorySessionStore(Clock.systemUTC(), Duration.ofMinutes(5));
        Router router = new Router()
                .add("GET", "/api/open", Access.publicRoute(), r -> json.ok(Map.of("ok", true)))
                .add("POST", "/api/echo", Access.publicRoute(), r -> json.ok(r.body()))
                .add("GET", "/api/things/{id}", Access.anyUser(), r -> json.ok(Map.of("id", r.pathParam("id"))))
                .add("POST", "/api/things/{id}", Access.roles(Role.SUPERVISOR), r -> json.ok(Map.of("done", r.pathParam("id"))));
        WebSocketEndpoint none = new WebSocketEndpoint() {
            public void opened(io.netty.channel.Channel c, Session s) {}
            public void text(io.netty.channel.Channel c, Session s, String t) {}
            public void closed(io.netty.channel.Channel c, Session s) {}
        };
        endpoint = new HttpEndpoint(config, router, json, sessions, none, Executors.newFixedThreadPool(2));
        InetSocketAddress addr = endpoint.start();
        base = "http://127.0.0.1:" + addr.getPort();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private TestHttp as(String role) {
        TestHttp http = new TestHttp(base);
        Session s = sessions.create("u-" + role, "User", Role.ofWireName(role).orElseThrow());
        http.cookies.put(SessionCookies.SESSION, s.id());
        http.csrf = s.csrfToken();
        return http;
    }

    @Test
    void unknownRouteIsJson404WithSecurityHeaders() throws Exception {
        var res = new TestHttp(base).get("/api/nope");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(res.body()).contains("\"error\":\"not_found\"");
        assertThat(res.headers().firstValue("content-security-policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'");
        assertThat(res.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(res.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    }

    @Test
    void wrongMethodIs405() throws Exception {
        var res = new TestHttp(base).send("DELETE", "/api/open", "");
        assertThat(res.statusCode()).isEqualTo(405);
        assertThat(res.body()).contains("use GET");
    }

    @Test
    void badJsonIs400WithPosition() throws Exception {
        var res = new TestHttp(base).post("/api/echo", "{\"a\": ");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void deepJsonIs400() throws Exception {
        var res = new TestHttp(base).post("/api/echo", "[".repeat(100) + "]".repeat(100));
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).contains("nested too deeply");
    }

    @Test
    void validJsonIsEchoed() throws Exception {
        var res = new TestHttp(base).post("/api/echo", "{\"name\":\"<b>x</b>\"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"name\":\"<b>x</b>\"}");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        var res = new TestHttp(base).post("/api/echo", "\"" + "x".repeat(70 * 1024) + "\"");
        assertThat(res.statusCode()).isEqualTo(413);
    }

    @Test
    void oversizedHeadersAreRefused() throws Exception {
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))) {
            String req = "GET /api/open HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000) + "\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 431");
        }
    }

    @Test
    void noSessionIs401() throws Exception {
        assertThat(new TestHttp(base).get("/api/things/1").statusCode()).isEqualTo(401);
        TestHttp forged = new TestHttp(base);
        forged.cookies.put(SessionCookies.SESSION, "made-up");
        assertThat(forged.get("/api/things/1").statusCode()).isEqualTo(401);
    }

    @Test
    void sessionGivesAccessAndRoleIsChecked() throws Exception {
        assertThat(as("agent").get("/api/things/7").body()).isEqualTo("{\"id\":\"7\"}");
        var refused = as("agent").post("/api/things/7", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("agent").contains("supervisor");
        assertThat(as("supervisor").post("/api/things/7", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void stateChangeWithoutCsrfIs403() throws Exception {
        TestHttp sup = as("supervisor");
        assertThat(sup.postWithoutCsrf("/api/things/7", "{}").statusCode()).isEqualTo(403);
        sup.csrf = "wrong";
        var res = sup.post("/api/things/7", "{}");
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.body()).contains("X-CSRF-Token");
    }

    @Test
    void crossOriginStateChangeIs403() throws Exception {
        TestHttp sup = as("supervisor");
        var res = sup.send(sup.builder("/api/things/7").header("Origin", "http://evil.example")
                .header("X-CSRF-Token", sup.csrf).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(res.statusCode()).isEqualTo(403);
    }

    @Test
    void pathTraversalFindsNothing() throws Exception {
        assertThat(new TestHttp(base).get("/..%2Fpom.xml").statusCode()).isEqualTo(404);
        assertThat(new TestHttp(base).get("/web/../x.js").statusCode()).isEqualTo(404);
    }
}
