package org.hotline.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.domain.testing.Conditions;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.Presence;
import org.hotline.domain.store.StreamEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

class RedisEventStreamIT {

    JedisPooled redis;
    RedisEventStream streams;

    @BeforeEach
    void start() {
        StorageFixture.shared().flushRedis();
        redis = RedisClients.open(StorageFixture.shared().redis().url(), 16);
        streams = new RedisEventStream(redis, 1000);
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void aReconnectingClientReplaysEverythingAfterItsLastId() {
        String key = EventStream.agentKey("alice");
        String first = streams.publish(key, Map.of("type", "screen-pop", "ticket", "HL-2026-000001"));
        String second = streams.publish(key, Map.of("type", "ticket", "ticket", "HL-2026-000001", "name", "<b>x</b>"));
        String third = streams.publish(key, Map.of("type", "screen-pop", "ticket", "HL-2026-000002"));
        assertThat(streams.readAfter(key, EventStream.START, 10)).extracting(StreamEntry::id).containsExactly(first, second, third);
        List<StreamEntry> missed = streams.readAfter(key, first, 10);
        assertThat(missed).extracting(StreamEntry::id).containsExactly(second, third);
        assertThat(missed.get(0).fields()).containsEntry("name", "<b>x</b>");
        assertThat(streams.readAfter(key, third, 10)).isEmpty();
        assertThat(streams.readAfter(key, first, 1)).extracting(StreamEntry::id).containsExactly(second);
        assertThat(streams.readAfter(EventStream.agentKey("bob"), EventStream.START, 10)).isEmpty();
    }

    @Test
    void everyPublishIsAnnouncedOnTheFeedInOrderAndTheTailIsKnown() {
        assertThat(streams.lastId(EventStream.FEED)).isEqualTo(EventStream.START);
        String a1 = streams.publish(EventStream.agentKey("alice"), Map.of("type", "screen-pop", "ticketId", "1"));
        String b1 = streams.publish(EventStream.agentKey("bob"), Map.of("type", "screen-pop", "ticketId", "2"));
        String a2 = streams.publish(EventStream.agentKey("alice"), Map.of("type", "deadline", "ticketId", "3"));
        List<StreamEntry> feed = streams.readAfter(EventStream.FEED, EventStream.START, 10);
        assertThat(feed).extracting(e -> e.fields().get("stream") + " " + e.fields().get("id"))
                .containsExactly("agent:alice " + a1, "agent:bob " + b1, "agent:alice " + a2);
        assertThat(streams.lastId(EventStream.FEED)).isEqualTo(feed.get(2).id());
        assertThat(streams.lastId(EventStream.agentKey("alice"))).isEqualTo(a2);
        assertThat(streams.lastId(EventStream.agentKey("nobody"))).isEqualTo(EventStream.START);
        assertThat(streams.readAfter(EventStream.agentKey("alice"), a1, 10).get(0).fields())
                .containsExactlyInAnyOrderEntriesOf(Map.of("type", "deadline", "ticketId", "3"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> streams.publish(EventStream.FEED, Map.of("x", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishOnceWritesTheFirstEventOfAKeyAcrossClientsAndAgainAfterTheWindow() throws Exception {
        try (JedisPooled other = RedisClients.open(StorageFixture.shared().redis().url(), 4)) {
            RedisEventStream instance2 = new RedisEventStream(other, 1000);
            String key = EventStream.agentKey("alice");
            var first = streams.publishOnce(key, "pop:L1:leg1:RINGING", Duration.ofMillis(500), Map.of("type", "screen-pop"));
            var again = instance2.publishOnce(key, "pop:L1:leg1:RINGING", Duration.ofMillis(500), Map.of("type", "screen-pop"));
            var otherRing = instance2.publishOnce(key, "pop:L1:leg2:RINGING", Duration.ofMillis(500), Map.of("type", "screen-pop"));
            assertThat(first).isPresent();
            assertThat(again).isEmpty();
            assertThat(otherRing).isPresent();
            assertThat(streams.readAfter(key, EventStream.START, 10)).extracting(StreamEntry::id)
                    .containsExactly(first.get(), otherRing.get());
            assertThat(streams.readAfter(EventStream.FEED, EventStream.START, 10)).hasSize(2);
            Thread.sleep(700);
            assertThat(instance2.publishOnce(key, "pop:L1:leg1:RINGING", Duration.ofMillis(500), Map.of("type", "screen-pop")))
                    .as("after the window the key is free again").isPresent();
        }
    }

    @Test
    void theFeedIsTrimmedLikeAnyStream() {
        RedisEventStream small = new RedisEventStream(redis, 100);
        for (int i = 0; i < 1000; i++) {
            small.publish(EventStream.agentKey("a" + (i % 7)), Map.of("i", Integer.toString(i)));
        }
        assertThat(redis.xlen("hl:stream:feed")).isBetween(100L, 300L);
    }

    @Test
    void aBlockingReadWakesOnPublishAndTimesOutEmpty() throws Exception {
        String key = EventStream.boardKey("complaints");
        String last = streams.publish(key, Map.of("type", "board"));
        CompletableFuture<List<StreamEntry>> waiting = CompletableFuture.supplyAsync(
                () -> streams.readBlocking(key, last, 10, Duration.ofSeconds(4)));
        Conditions.await("the read to block in Redis", Duration.ofSeconds(5),
                () -> blockedClients() == 1);
        String next = streams.publish(key, Map.of("type", "board", "waiting", "3"));
        assertThat(waiting.get(5, TimeUnit.SECONDS)).extracting(StreamEntry::id).containsExactly(next);
        long t0 = System.nanoTime();
        assertThat(streams.readBlocking(key, next, 10, Duration.ofMillis(300))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void streamsAreTrimmedToAboutTheirMaximumLength() {
        RedisEventStream small = new RedisEventStream(redis, 100);
        for (int i = 0; i < 1000; i++) {
            small.publish("board:all", Map.of("i", Integer.toString(i)));
        }
        long len = redis.xlen("hl:stream:board:all");
        assertThat(len).isBetween(100L, 300L);
    }

    @Test
    void presenceExpiresOnItsOwn() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("UTC"));
        RedisPresenceStore presence = new RedisPresenceStore(redis, clock);
        Presence p = presence.set("alice", AgentState.PAUSED, "lunch", Duration.ofMillis(400));
        presence.set("bob", AgentState.AVAILABLE, null, Duration.ofMinutes(5));
        assertThat(presence.get("alice")).contains(p);
        clock.advance(Duration.ofSeconds(10));
        Presence again = presence.set("bob", AgentState.AVAILABLE, null, Duration.ofMinutes(5));
        assertThat(again.since()).as("same state keeps its since").isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
        assertThat(presence.all()).extracting(Presence::agentId).containsExactlyInAnyOrder("alice", "bob");
        Conditions.await("alice's presence to expire in Redis", Duration.ofSeconds(10), () -> presence.get("alice").isEmpty());
        assertThat(presence.all()).extracting(Presence::agentId).containsExactly("bob");
        presence.clear("bob");
        assertThat(presence.all()).isEmpty();
        assertThat(Clock.systemUTC()).isNotNull();
    }

    /** How many clients Redis holds in a blocking command now. */
    private static int blockedClients() {
        try (Jedis j = new Jedis(java.net.URI.create(StorageFixture.shared().redis().url()))) {
            return j.info("clients").lines().filter(l -> l.startsWith("blocked_clients:"))
                    .mapToInt(l -> Integer.parseInt(l.substring("blocked_clients:".length()).trim())).sum();
        }
    }
}
