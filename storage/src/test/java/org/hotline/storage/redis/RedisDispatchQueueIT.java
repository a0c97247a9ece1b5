package org.hotline.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.store.Claim;
import org.hotline.domain.store.QueuedTicket;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.ticket.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RedisDispatchQueueIT {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    final MutableClock clock = new MutableClock(T0, ZoneId.of("UTC"));
    JedisPooled redis;
    RedisDispatchQueue queue;

    @BeforeEach
    void start() {
        StorageFixture f = StorageFixture.shared();
        f.flushRedis();
        redis = RedisClients.open(f.redis().url(), 256);
        queue = new RedisDispatchQueue(redis, clock);
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    static Ticket ticket(long id, String line, Urgency urgency, Instant deadline) {
        return new Ticket.Builder().id(id).number("HL-2026-" + id).line(line).urgency(urgency)
                .status(TicketStatus.MISSED).callbackRequested(true)
                .deadlines(deadline == null ? Map.of() : Map.of("resolve", deadline))
                .createdAt(T0.plusSeconds(id)).updatedAt(T0).build();
    }

    @Test
    void servesUrgencyFirstThenEarliestDeadlineThenAge() {
        queue.enqueue(ticket(1, "complaints", Urgency.NORMAL, T0.plusSeconds(7200)));
        queue.enqueue(ticket(2, "complaints", Urgency.NORMAL, T0.plusSeconds(3600)));
        queue.enqueue(ticket(3, "complaints", Urgency.NORMAL, null));
        queue.enqueue(ticket(4, "service", Urgency.EMERGENCY, T0.plusSeconds(99999)));
        queue.enqueue(ticket(5, "complaints", Urgency.LOW, T0));
        queue.enqueue(ticket(6, "complaints", Urgency.NORMAL, null));
        assertThat(queue.peek("complaints", 10)).extracting(QueuedTicket::ticketId).containsExactly(2L, 1L, 3L, 6L, 5L);
        assertThat(queue.peek("complaints", 1).get(0)).isEqualTo(new QueuedTicket(2, Urgency.NORMAL, T0.plusSeconds(3600)));
        assertThat(queue.peek("complaints", 10).get(2).deadline()).isNull();
        List<Long> order = new ArrayList<>();
        Optional<Claim> c;
        while ((c = queue.claim("alice", List.of("complaints", "service"), Duration.ofMinutes(5))).isPresent()) {
            order.add(c.get().ticketId());
        }
        assertThat(order).containsExactly(4L, 2L, 1L, 3L, 6L, 5L);
        assertThat(queue.size("complaints")).isZero();
        assertThat(queue.leased()).isEqualTo(6);
    }

    @Test
    void anExpiredLeaseReturnsTheTicketAndTheOldClaimIsDead() {
        queue.enqueue(ticket(1, "complaints", Urgency.NORMAL, null));
        Claim a = queue.claim("alice", List.of("complaints"), Duration.ofSeconds(30)).orElseThrow();
        assertThat(a.leaseUntil()).isEqualTo(T0.plusSeconds(30));
        assertThat(queue.claim("bob", List.of("complaints"), Duration.ofSeconds(30))).isEmpty();
        clock.advance(Duration.ofSeconds(25));
        assertThat(queue.claim("bob", List.of("complaints"), Duration.ofSeconds(30))).isEmpty();
        clock.advance(Duration.ofSeconds(10)); // alice's browser died: lease over
        assertThat(queue.expireLeases()).isEqualTo(1);
        assertThat(queue.size("complaints")).isEqualTo(1);
        Claim b = queue.claim("bob", List.of("complaints"), Duration.ofSeconds(30)).orElseThrow();
        assertThat(b.ticketId()).isEqualTo(1);
        assertThat(queue.complete(a)).isFalse();
        assertThat(queue.release(a)).isFalse();
        assertThat(queue.complete(b)).isTrue();
        assertThat(queue.leased()).isZero();
        assertThat(queue.size("complaints")).isZero();
    }

    @Test
    void claimItselfReturnsExpiredLeasesAndReleaseKeepsThePosition() {
        queue.enqueue(ticket(1, "complaints", Urgency.HIGH, null));
        queue.enqueue(ticket(2, "complaints", Urgency.NORMAL, null));
        Claim a = queue.claim("alice", List.of("complaints"), Duration.ofSeconds(10)).orElseThrow();
        assertThat(a.ticketId()).isEqualTo(1);
        assertThat(queue.release(a)).isTrue();
        Claim b = queue.claim("bob", List.of("complaints"), Duration.ofSeconds(10)).orElseThrow();
        assertThat(b.ticketId()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(queue.claim("carol", List.of("complaints"), Duration.ofSeconds(10)).orElseThrow().ticketId()).isEqualTo(1);
        queue.enqueue(ticket(1, "complaints", Urgency.HIGH, null));
        assertThat(queue.size("complaints")).as("enqueue leaves a leased ticket alone").isEqualTo(1);
        queue.remove(1);
        queue.remove(2);
        assertThat(queue.leased()).isZero();
        assertThat(queue.size("complaints")).isZero();
    }

    @Test
    void twoHundredConcurrentClaimersNeverShareATicket() throws Exception {
        int tickets = 2000;
        for (int i = 1; i <= tickets; i++) {
            queue.enqueue(ticket(i, i % 2 == 0 ? "complaints" : "service", Urgency.values()[i % 4], null));
        }
        Map<Long, String> owner = new ConcurrentHashMap<>();
        AtomicInteger doubles = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int a = 0; a < 200; a++) {
            String agent = "agent" + a;
            fs.add(pool.submit(() -> {
                go.await();
                int n = 0;
                Optional<Claim> c;
                while ((c = queue.claim(agent, List.of("complaints", "service"), Duration.ofMinutes(5))).isPresent()) {
                    if (owner.putIfAbsent(c.get().ticketId(), agent) != null) {
                        doubles.incrementAndGet();
                    }
                    n++;
                }
                return n;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : fs) {
            total += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(doubles.get()).isZero();
        assertThat(total).isEqualTo(tickets);
        assertThat(owner).hasSize(tickets);
        assertThat(queue.leased()).isEqualTo(tickets);
        assertThat(Set.copyOf(owner.values()).size()).isGreaterThan(1);
    }

    @Test
    void badQueueNamesAreRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queue.size("bad name"))
                .hasMessageContaining("queue name 'bad name'");
    }
}
