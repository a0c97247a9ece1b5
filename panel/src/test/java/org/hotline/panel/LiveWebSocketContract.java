package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.domain.testing.Conditions;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.Test;

/** The WebSocket: authentication, Origin check, screen pops, replay on reconnect, wallboard pushes. */
abstract class LiveWebSocketContract extends PanelContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient sharedClient = HttpClient.newHttpClient();


    /** A WebSocket that queues what it receives. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;
        volatile int closeCode;

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonNode next(String type) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until) {
                JsonNode n = received.poll(100, TimeUnit.MILLISECONDS);
                if (n != null && n.get("type").asText().equals(type)) {
                    return n;
                }
            }
            throw new AssertionError("no '" + type + "' message within 5 s");
        }

        void send(String text) {
            ws.sendText(text, true).join();
        }
    }

    private Client connect(TestHttp http, String origin) {
        Client c = new Client();
        var b = sharedClient.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (!http.cookies.isEmpty()) {
            b.header("Cookie", SessionCookies.SESSION + "=" + http.cookies.get(SessionCookies.SESSION));
        }
        c.ws = b.buildAsync(URI.create(h.base.replace("http://", "ws://") + "/ws"), c).join();
        return c;
    }

    private static int refusedStatus(Runnable connect) {
        try {
            connect.run();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException w) {
                return w.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the WebSocket was accepted");
    }

    @Test
    void aBadOriginIsRefused() throws Exception {
        TestHttp alice = h.login("alice");
        assertThat(refusedStatus(() -> connect(alice, "http://evil.example"))).isEqualTo(403);
        assertThat(refusedStatus(() -> connect(alice, null))).isEqualTo(403);
    }

    @Test
    void noSessionIsRefused() {
        assertThat(refusedStatus(() -> connect(new TestHttp(h.base), h.base))).isEqualTo(401);
        TestHttp forged = new TestHttp(h.base);
        forged.cookies.put(SessionCookies.SESSION, "forged");
        assertThat(refusedStatus(() -> connect(forged, h.base))).isEqualTo(401);
    }

    @Test
    void theScreenPopCarriesTheCallersPreviousTicketsAndTheRepeatFlagCountedForTheViewer() throws Exception {
        TestHttp alice = h.login("alice");
        Client c = connect(alice, h.base);
        c.send("{\"type\":\"resume\",\"after\":null}");
        Ticket first = h.call("13900000001", "Again", RequestKind.COMPLAINT, new CallOutcome.Answered("bob"));
        h.tickets.updateIntake(first.id(), org.hotline.domain.ticket.IntakeUpdate.none().withLocation("3-2-101"));
        Ticket second = h.call("13900000001", "Again", RequestKind.COMPLAINT, new CallOutcome.Answered("bob"));
        h.tickets.updateIntake(second.id(), org.hotline.domain.ticket.IntakeUpdate.none().withLocation("3-2-101"));
        Ticket tip = h.call("13900000001", "Again", RequestKind.REPORT, new CallOutcome.Answered("tina"));
        Ticket t = h.call("13900000001", "Again", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        // what the AMI side wrote is recounted for the viewer: alice may not see the tip-off
        h.events.publish(org.hotline.domain.store.EventStream.agentKey("alice"),
                new org.hotline.domain.store.AgentEvent.ScreenPopEvent("RINGING", "call-1", "PJSIP/1001", "13900000001",
                        "Again", "complaints", "complaints", t.number(), java.util.Optional.of(t.id()),
                        java.util.Optional.of(3), java.util.List.of(tip.number(), second.number(), first.number()),
                        java.util.Optional.of(true), java.util.Optional.of(java.time.Instant.now())).fields());
        JsonNode pop = c.next("pop");
        assertThat(pop.get("previousTickets").asInt()).isEqualTo(2);
        assertThat(pop.get("previousNumbers")).extracting(JsonNode::asText)
                .containsExactly(second.number(), first.number());
        assertThat(pop.get("repeat").asBoolean()).as("two complaints about 3-2-101 this quarter").isTrue();
    }

    @Test
    void aScreenPopArrivesAndMissedPopsAreReplayedOnReconnect() throws Exception {
        TestHttp alice = h.login("alice");
        Client c = connect(alice, h.base);
        c.send("{\"type\":\"resume\",\"after\":null}");
        Ticket t1 = h.call("13900000001", "First caller", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        String id1 = h.pop("alice", t1);
        JsonNode pop = c.next("pop");
        assertThat(pop.get("id").asText()).isEqualTo(id1);
        assertThat(pop.get("callerName").asText()).isEqualTo("First caller");
        assertThat(pop.get("state").asText()).isEqualTo("RINGING");
        assertThat(pop.get("ticket").get("number").asText()).isEqualTo(t1.number());
        c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        // the pops below must find alice offline: wait until the server has dropped the socket
        Conditions.await("the first socket to close", Duration.ofSeconds(10), () -> h.server.liveConnections() == 0);

        Ticket t2 = h.call("13900000002", "Missed while offline", RequestKind.REPAIR, new CallOutcome.Answered("alice"));
        String id2 = h.pop("alice", t2);
        Ticket t3 = h.call("13900000003", "Also missed", RequestKind.INQUIRY, new CallOutcome.Answered("alice"));
        String id3 = h.pop("alice", t3);
        h.pop("bob", t3);

        Client again = connect(alice, h.base);
        again.send("{\"type\":\"resume\",\"after\":\"" + id1 + "\"}");
        assertThat(again.next("pop").get("id").asText()).isEqualTo(id2);
        assertThat(again.next("pop").get("id").asText()).isEqualTo(id3);
        assertThat(again.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(h.registry.scrape()).contains("hotline_screen_pop_latency_seconds_count 3");
    }

    @Test
    void deadlineAlertsArriveOnTheSameStreamAsPopsAndAreReplayedAfterThem() throws Exception {
        TestHttp alice = h.login("alice");
        Ticket t = h.call("13900000004", "Late caller", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        String popId = h.pop("alice", t);
        String alertId = h.deadlineAlert("alice", t, "resolve", java.time.Instant.parse("2026-11-26T02:00:00Z"), true);

        Client c = connect(alice, h.base);
        c.send("{\"type\":\"resume\",\"after\":\"" + popId + "\"}");
        JsonNode alert = c.next("deadline");
        assertThat(alert.get("id").asText()).isEqualTo(alertId);
        assertThat(alert.get("ticketId").asLong()).isEqualTo(t.id());
        assertThat(alert.get("ticketNumber").asText()).isEqualTo(t.number());
        assertThat(alert.get("step").asText()).isEqualTo("resolve");
        assertThat(alert.get("due").asText()).isEqualTo("2026-11-26T02:00:00Z");
        assertThat(alert.get("state").asText()).isEqualTo("missed");
        assertThat(alert.toString()).doesNotContain("Late caller", "13900000004");
    }

    @Test
    void aPopOfAConfidentialTicketCarriesNoCallerDataForAnAgentWhoMayNotSeeIt() throws Exception {
        TestHttp bob = h.login("bob");
        Client c = connect(bob, h.base);
        c.send("{\"type\":\"resume\"}");
        Ticket tip = h.call("13900000003", "Whistle Blower", RequestKind.REPORT, new CallOutcome.Answered("alice"));
        h.pop("bob", tip);
        JsonNode pop = c.next("pop");
        assertThat(pop.get("hidden").asBoolean()).isTrue();
        assertThat(pop.toString()).doesNotContain("Whistle", "13900000003");
    }

    @Test
    void supervisorsGetTheWallboardLive() throws Exception {
        TestHttp sam = h.login("sam");
        Client c = connect(sam, h.base);
        JsonNode first = c.next("board");
        assertThat(first.get("data").get("callsWaiting").asInt()).isZero();
        h.calls.current = new CallBoard.Snapshot(2, Duration.ofSeconds(40), 10, 8, 1, 1);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        JsonNode board;
        do {
            board = c.next("board");
        } while (board.get("data").get("callsWaiting").asInt() != 2 && System.nanoTime() < until);
        assertThat(board.get("data").get("callsWaiting").asInt()).isEqualTo(2);
        assertThat(board.get("data").get("forwarded").asInt()).isEqualTo(1);
    }

    @Test
    void agentsDoNotGetTheWallboard() throws Exception {
        Client c = connect(h.login("alice"), h.base);
        c.send("{\"type\":\"ping\"}");
        c.next("pong");
        assertThat(c.received.poll(700, TimeUnit.MILLISECONDS)).isNull();
    }

    /** A browser that opens the live socket, resumes, then never reads again (a frozen tab, a stalled link). */
    private java.net.Socket stalledBrowser(TestHttp http) throws Exception {
        URI uri = URI.create(h.base);
        java.net.Socket raw = new java.net.Socket();
        raw.setReceiveBufferSize(4096);
        raw.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        raw.setSoTimeout(5000);
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        String request = "GET /ws HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + java.util.Base64.getEncoder().encodeToString(nonce) + "\r\nOrigin: " + h.base + "\r\nCookie: "
                + SessionCookies.SESSION + "=" + http.cookies.get(SessionCookies.SESSION) + "\r\n\r\n";
        var out = raw.getOutputStream();
        out.write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var in = raw.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the upgrade was not answered: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        byte[] text = "{\"type\":\"resume\",\"after\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | text.length), mask[0], mask[1], mask[2], mask[3]});
        for (int i = 0; i < text.length; i++) {
            text[i] ^= mask[i % 4];
        }
        out.write(text);
        out.flush();
        return raw;
    }

    @Test
    void aBrowserThatStopsReadingIsDroppedWhileTheOthersKeepGettingTheirPops() throws Exception {
        Client bob = connect(h.login("bob"), h.base);
        bob.send("{\"type\":\"resume\",\"after\":null}");
        try (java.net.Socket stalled = stalledBrowser(h.login("alice"))) {
            Conditions.await("both sockets open", Duration.ofSeconds(5), () -> h.server.liveConnections() == 2);
            Thread.sleep(200);
            String big = "x".repeat(60_000);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int n = 0;
            while (h.server.liveConnections() == 2 && System.nanoTime() < until) {
                n++;
                h.events.publish(org.hotline.domain.store.EventStream.agentKey("alice"), java.util.Map.of("type", "screen-pop",
                        "callerNumber", "13900000009", "callerName", big, "line", "complaints"));
                String forBob = h.events.publish(org.hotline.domain.store.EventStream.agentKey("bob"), java.util.Map.of(
                        "type", "screen-pop", "callerNumber", "1390000" + n, "callerName", "Caller " + n, "line", "complaints"));
                assertThat(bob.next("pop").get("id").asText()).as("bob's pop %d, while alice's browser is stalled", n)
                        .isEqualTo(forBob);
            }
            assertThat(h.server.liveConnections()).as("the stalled socket is dropped by the server").isEqualTo(1);
            assertThat(h.registry.scrape()).contains("hotline_panel_websocket_dropped_total{reason=\"slow\"} 1.0");
            // bob carries on
            String after = h.events.publish(org.hotline.domain.store.EventStream.agentKey("bob"), java.util.Map.of(
                    "type", "screen-pop", "callerNumber", "13900000000", "callerName", "After", "line", "complaints"));
            assertThat(bob.next("pop").get("id").asText()).isEqualTo(after);
        }
    }

    @Test
    void socketsBeyondTheConfiguredLimitGet503() throws Exception {
        TestHttp alice = h.login("alice");
        List<Client> open = new java.util.ArrayList<>();
        for (int i = 0; i < 48; i++) {
            open.add(connect(alice, h.base));
        }
        assertThat(refusedStatus(() -> connect(alice, h.base))).isEqualTo(503);
        open.get(0).ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Client again = null;
        while (again == null && System.nanoTime() < until) {
            try {
                again = connect(alice, h.base);
            } catch (CompletionException e) {
                Thread.sleep(50);
            }
        }
        assertThat(again).as("a socket is accepted again once one closed").isNotNull();
        again.send("{\"type\":\"ping\"}");
        again.next("pong");
    }

    @Test
    void logOutClosesTheOpenSocket() throws Exception {
        TestHttp alice = h.login("alice");
        Client c = connect(alice, h.base);
        c.send("{\"type\":\"ping\"}");
        c.next("pong");
        assertThat(alice.post("/api/logout", "").statusCode()).isEqualTo(204);
        // the client marks its input closed before it calls onClose with the code: wait for the code
        Conditions.await("the socket to be closed by the server", Duration.ofSeconds(6), () -> c.closeCode != 0);
        assertThat(c.ws.isInputClosed()).isTrue();
        assertThat(c.closeCode).isEqualTo(4401);
    }

    @Test
    void aLoggedOutSessionCannotReconnect() throws Exception {
        TestHttp alice = h.login("alice");
        alice.post("/api/logout", "");
        alice.cookies.put(SessionCookies.SESSION, "gone");
        assertThatThrownBy(() -> connect(alice, h.base)).isInstanceOf(CompletionException.class);
    }
}
