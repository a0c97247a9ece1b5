package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hotline.domain.notify.NotificationOutbox;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.Session;
import org.hotline.domain.testing.Conditions;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.Role;
import org.hotline.panel.api.PanelContext;
import org.hotline.panel.api.Wallboard;
import org.hotline.panel.fakes.FakeCallbacks;
import org.hotline.panel.fakes.FakeDirectory;
import org.hotline.panel.fakes.FakeDispatchQueue;
import org.hotline.panel.fakes.FakeEventStream;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.panel.http.Json;
import org.hotline.panel.roster.ConfigRosterOverrideValidator;
import org.hotline.panel.roster.InMemoryDutyOverrides;
import org.hotline.panel.auth.InMemorySessionStore;
import org.hotline.panel.ws.LiveHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live hub's fan-out on {@link EmbeddedChannel}s, no sockets: one feed reader serves every
 * socket, a socket whose outbound buffer is full is dropped without delaying the others, and a
 * reconnecting socket replays from its last id.
 */
class LiveFanOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.systemUTC();
    private final FakeEventStream events = new FakeEventStream();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final InMemorySessionStore sessions = new InMemorySessionStore(clock, Duration.ofHours(1));
    private final LiveHub hub;

    LiveFanOutTest() {
        FakeDispatchQueue queue = new FakeDispatchQueue(clock);
        FakeDirectory.Audit audit = new FakeDirectory.Audit();
        InMemoryDutyOverrides overrides = new InMemoryDutyOverrides(audit);
        PanelPorts ports = new PanelPorts(new InMemoryTickets(clock, queue), queue, events, new FakeDirectory.Presences(clock),
                new FakeDirectory.Users(), new FakeDirectory.Departments(), new FakeDirectory.Handovers(),
                new FakeDirectory.QueueMembers(), new FakeDirectory.Calls(), overrides,
                new ConfigRosterOverrideValidator(HotlineConfigBuilder.example().build(), overrides, clock),
                sessions, audit, Map.of(), new FakeCallbacks(), NotificationOutbox.NONE,
                new org.hotline.domain.report.KpiReports(new org.hotline.domain.testing.InMemoryTicketFacts(),
                        new org.hotline.domain.calendar.WorkingCalendar(HotlineConfigBuilder.example().calendar(), PanelHarness.ZONE),
                        org.hotline.domain.report.StepRule.DEFAULTS, clock),
                new org.hotline.domain.testing.InMemoryReports(), new org.hotline.domain.testing.InMemoryAlerts());
        PanelContext ctx = new PanelContext(ports, PanelPolicy.defaults(PanelHarness.ZONE, List.of("complaints")), new Json(32),
                clock, new PanelMetrics(registry));
        hub = new LiveHub(ctx, new Wallboard(ctx), sessions);
    }

    @AfterEach
    void close() {
        hub.close();
    }

    /** A socket's frames, captured at the head of its pipeline (thread-safe, written from the hub's workers). */
    static final class Socket {
        final EmbeddedChannel channel = new EmbeddedChannel();
        final Queue<JsonNode> frames = new ConcurrentLinkedQueue<>();
        final Session session;

        Socket(Session session) {
            this.session = session;
            channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
                    if (msg instanceof TextWebSocketFrame f) {
                        frames.add(JSON.readTree(f.text()));
                    }
                    ReferenceCountUtil.release(msg);
                    promise.setSuccess();
                }
            });
        }

        List<String> popIds() {
            return frames.stream().filter(f -> f.get("type").asText().equals("pop")).map(f -> f.get("id").asText()).toList();
        }
    }

    private Socket open(String user, String after) {
        Socket s = new Socket(sessions.create(user, user, Role.AGENT));
        hub.opened(s.channel, s.session);
        hub.text(s.channel, s.session, after == null ? "{\"type\":\"resume\",\"after\":null}"
                : "{\"type\":\"resume\",\"after\":\"" + after + "\"}");
        return s;
    }

    private String pop(String user, int n) {
        return events.publish(EventStream.agentKey(user), Map.of("type", "screen-pop", "callerNumber", "1390000" + n,
                "callerName", "Caller " + n, "line", "complaints", "publishedAt", Long.toString(clock.millis())));
    }

    @Test
    void oneReaderFansEachPopOutToEverySocketOfItsUserAndNoOther() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sockets.add(open("agent" + i, EventStream.START));
        }
        Socket secondTab = open("agent7", EventStream.START);
        Thread.sleep(100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(pop("agent" + i, i));
        }
        String again7 = pop("agent7", 1000);
        Conditions.await("every socket to get its pop", Duration.ofSeconds(10),
                () -> sockets.stream().allMatch(s -> !s.popIds().isEmpty()) && secondTab.popIds().size() == 2);
        for (int i = 0; i < 300; i++) {
            List<String> expected = i == 7 ? List.of(ids.get(7), again7) : List.of(ids.get(i));
            Conditions.await("agent" + i + "'s pops", Duration.ofSeconds(5), () -> sockets.get(7).popIds().size() == 2);
            assertThat(sockets.get(i).popIds()).as("agent%d", i).isEqualTo(expected);
        }
        assertThat(secondTab.popIds()).containsExactly(ids.get(7), again7);
        JsonNode first = sockets.get(3).frames.peek();
        assertThat(first.get("callerName").asText()).isEqualTo("Caller 3");
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("panel-live-feed")).count())
                .as("one feed reader for 301 sockets").isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("panel-pop-")).count())
                .as("no thread per socket").isZero();
    }

    @Test
    void aSocketThatCannotTakeMoreIsDroppedAndTheOthersAreNotDelayed() throws Exception {
        Socket slow = open("slow", EventStream.START);
        Socket fast = open("fast", EventStream.START);
        Thread.sleep(100);
        String firstSlow = pop("slow", 1);
        String firstFast = pop("fast", 1);
        Conditions.await("both get their first pop", Duration.ofSeconds(5),
                () -> slow.popIds().size() == 1 && fast.popIds().size() == 1);
        // the browser stops reading: the socket's outbound buffer is above its high-water mark
        slow.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        assertThat(slow.channel.isWritable()).isFalse();
        List<String> fastIds = new ArrayList<>(List.of(firstFast));
        List<String> slowIds = new ArrayList<>(List.of(firstSlow));
        for (int i = 2; i <= 50; i++) {
            slowIds.add(pop("slow", i));
            fastIds.add(pop("fast", i));
        }
        Conditions.await("the fast socket to get all 50", Duration.ofSeconds(5), () -> fast.popIds().size() == 50);
        assertThat(fast.popIds()).isEqualTo(fastIds);
        Conditions.await("the slow socket to be closed", Duration.ofSeconds(5), () -> !slow.channel.isOpen());
        assertThat(slow.popIds()).containsExactly(firstSlow);
        assertThat(registry.scrape()).contains("hotline_panel_websocket_dropped_total{reason=\"slow\"} 1.0");

        // the page reconnects with the id it last showed and gets the rest, in order, once
        Socket back = open("slow", firstSlow);
        Conditions.await("the replay", Duration.ofSeconds(5), () -> back.popIds().size() == 49);
        assertThat(back.popIds()).isEqualTo(slowIds.subList(1, 50));
        String live = pop("slow", 51);
        Conditions.await("then live again", Duration.ofSeconds(5), () -> back.popIds().size() == 50);
        assertThat(back.popIds().get(49)).isEqualTo(live);
        assertThat(fast.popIds()).hasSize(50);
    }

    @Test
    void aSocketFarBehindIsCaughtUpInBatchesInOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            ids.add(pop("late", i));
        }
        Socket s = open("late", EventStream.START);
        Conditions.await("all 450 replayed", Duration.ofSeconds(10), () -> s.popIds().size() == 450);
        assertThat(s.popIds()).isEqualTo(ids);
    }
}
