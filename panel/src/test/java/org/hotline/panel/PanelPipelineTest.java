package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Role;
import org.hotline.panel.auth.Access;
import org.hotline.panel.auth.InMemorySessionStore;
import org.hotline.panel.auth.Session;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.panel.http.Json;
import org.hotline.panel.http.Router;
import org.hotline.panel.http.StaticFiles;
import org.hotline.panel.ws.WebSocketEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each stage of the panel's pipeline on an {@link EmbeddedChannel}, fed raw HTTP bytes (split
 * where it matters) with no socket: what the stage answers, and that it lets the rest through.
 */
class PanelPipelineTest {

    private final Json json = new Json(32);
    private final InMemorySessionStore sessions = new InMemorySessionStore(Clock.systemUTC(), Duration.ofMinutes(5));
    private final Router router = new Router()
            .add("GET", "/api/open", Access.publicRoute(), r -> json.ok(Map.of("ok", true)))
            .add("POST", "/api/things/{id}", Access.roles(Role.SUPERVISOR), r -> json.ok(Map.of("done", r.pathParam("id"))))
            .add("POST", "/api/conflict", Access.publicRoute(), r -> {
                throw new VersionConflictException(7, "HL-2026-000007", 3, 4);
            });
    private final WebSocketEndpoint noSockets = new WebSocketEndpoint() {
        public boolean tryReserve() { return false; }
        public void opened(Channel c, Session s) {}
        public void text(Channel c, Session s, String t) {}
        public void closed(Channel c, Session s) {}
    };
    private EmbeddedChannel channel;

    @BeforeEach
    void pipeline() {
        PanelServerInitializer initializer = new PanelServerInitializer(TestPanelConfig.onFreePort(), router,
                new StaticFiles(PanelPipelineTest.class.getClassLoader()), json, sessions, noSockets, Runnable::run);
        channel = new EmbeddedChannel(initializer);
    }

    private String exchange(String... parts) {
        for (String part : parts) {
            channel.writeInbound(Unpooled.copiedBuffer(part, StandardCharsets.UTF_8));
        }
        StringBuilder out = new StringBuilder();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            out.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out.toString();
    }

    private String cookieOf(Role role) {
        Session s = sessions.create("u", "User", role);
        return "Cookie: " + SessionCookies.SESSION + "=" + s.id() + "\r\nX-CSRF-Token: " + s.csrfToken() + "\r\n";
    }

    @Test
    void malformedStage_headersTooLongAre431AndTheConnectionCloses() {
        String res = exchange("GET /api/open HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 431 ").contains("connection: close", "\"error\":\"bad_request\"");
    }

    @Test
    void accessStage_aRequestSplitAcrossReadsIsRoutedWithSecurityHeaders() {
        String res = exchange("GET /api/op", "en HTTP/1.1\r\nHo", "st: x\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 200 ").contains("{\"ok\":true}");
        assertThat(res.toLowerCase(java.util.Locale.ROOT)).contains("x-content-type-options: nosniff");
    }

    @Test
    void accessStage_unknownPathIs404AndWrongMethodIs405() {
        assertThat(exchange("GET /api/nope HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404 ");
        assertThat(exchange("DELETE /api/open HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 405 ")
                .contains("use GET");
    }

    @Test
    void accessStage_sessionRoleCsrfAndOriginAreChecked() {
        String post = "POST /api/things/7 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n";
        assertThat(exchange(post + "\r\n{}")).startsWith("HTTP/1.1 401 ");
        assertThat(exchange(post + cookieOf(Role.AGENT) + "\r\n{}")).startsWith("HTTP/1.1 403 ")
                .contains("Your role (agent) may not do this; it needs one of [supervisor].");
        Session s = sessions.create("sam", "Sam", Role.SUPERVISOR);
        String noCsrf = "Cookie: " + SessionCookies.SESSION + "=" + s.id() + "\r\n";
        assertThat(exchange(post + noCsrf + "\r\n{}")).startsWith("HTTP/1.1 403 ").contains("X-CSRF-Token");
        assertThat(exchange(post + "Origin: https://evil.example\r\n" + cookieOf(Role.SUPERVISOR) + "\r\n{}"))
                .startsWith("HTTP/1.1 403 ").contains("Requests from https://evil.example are not allowed.");
        assertThat(exchange(post + cookieOf(Role.SUPERVISOR) + "\r\n{}")).startsWith("HTTP/1.1 200 ")
                .contains("{\"done\":\"7\"}");
    }

    @Test
    void accessStage_aBodyThatIsNotJsonIs400() {
        assertThat(exchange("POST /api/things/7 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n" + cookieOf(Role.SUPERVISOR)
                + "\r\n{x}")).startsWith("HTTP/1.1 400 ").contains("not valid JSON");
    }

    @Test
    void callStage_aStoreErrorIsMappedOnceTo409() {
        assertThat(exchange("POST /api/conflict HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"))
                .startsWith("HTTP/1.1 409 ").contains("\"error\":\"version_conflict\"", "was changed by someone else");
    }

    @Test
    void staticStage_servesThePageAndLeavesTheApiAlone() {
        String page = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 200 ");
        assertThat(page.toLowerCase(java.util.Locale.ROOT)).contains("content-type: text/html", "content-security-policy:");
        assertThat(exchange("GET /missing.js HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void upgradeStage_refusesWhatIsNotAnAllowedAuthenticatedUpgradeWithARoom() {
        assertThat(exchange("GET /ws HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ")
                .contains("only accepts WebSocket upgrades");
        String upgrade = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
        pipeline();
        assertThat(exchange(upgrade + "Origin: https://evil.example\r\n\r\n")).startsWith("HTTP/1.1 403 ");
        pipeline();
        assertThat(exchange(upgrade + "Origin: http://x\r\n\r\n")).startsWith("HTTP/1.1 401 ");
        pipeline();
        assertThat(exchange(upgrade + "Origin: http://x\r\n" + cookieOf(Role.AGENT) + "\r\n")).startsWith("HTTP/1.1 503 ")
                .contains("as many live connections");
    }
}
