package org.hotline.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import org.hotline.storage.redis.RedisClients;
import org.hotline.storage.redis.RedisEventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code storage.redis-url: redis-sentinel://...} against a real Sentinel started by the test
 * (the embedded redis-server binary run with {@code --sentinel}), watching a real primary with one
 * replica: the client finds the primary through the sentinel, and after the primary is killed
 * and the sentinel fails over, the same client writes to the promoted replica.
 */
class RedisSentinelIT {
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process start(Path dir, String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(args);
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    private static void awaitPing(int port) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            try (JedisPooled j = new JedisPooled("127.0.0.1", port)) {
                if ("PONG".equals(j.ping())) {
                    return;
                }
            } catch (RuntimeException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("redis on port " + port + " did not answer within 20 s");
    }

    @Test
    void theClientFindsThePrimaryThroughSentinelAndFollowsAFailOver() throws Exception {
        String exe = EmbeddedBinaries.shared().redis().toString();
        Path dir = Files.createTempDirectory("hotline-sentinel");
        int primary = freePort();
        int replica = freePort();
        int sentinel = freePort();
        Process primaryProcess = start(dir, "primary", List.of(exe, "--port", Integer.toString(primary), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--dbfilename", "primary.rdb"));
        start(dir, "replica", List.of(exe, "--port", Integer.toString(replica), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString(), "--dbfilename", "replica.rdb",
                "--replicaof", "127.0.0.1", Integer.toString(primary)));
        awaitPing(primary);
        awaitPing(replica);
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n",
                "port " + sentinel,
                "bind 127.0.0.1",
                "dir " + dir,
                "sentinel monitor hotline 127.0.0.1 " + primary + " 1",
                "sentinel down-after-milliseconds hotline 1000",
                "sentinel failover-timeout hotline 5000",
                "") );
        start(dir, "sentinel", List.of(exe, conf.toString(), "--sentinel"));
        awaitPing(sentinel);
        // the sentinel learns of the replica from the primary (INFO every 10 s at first)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (redis.clients.jedis.Jedis s = new redis.clients.jedis.Jedis("127.0.0.1", sentinel)) {
            while (System.nanoTime() < until && s.sentinelReplicas("hotline").isEmpty()) {
                Thread.sleep(200);
            }
            assertThat(s.sentinelReplicas("hotline")).as("the sentinel knows the replica").isNotEmpty();
        }

        String url = "redis-sentinel://127.0.0.1:" + sentinel + "/hotline";
        try (UnifiedJedis redis = RedisClients.connect(url, 8)) {
            RedisEventStream events = new RedisEventStream(redis, 1000);
            String key = EventStream.agentKey("alice");
            String before = events.publish(key, Map.of("type", "screen-pop", "n", "1"));
            try (JedisPooled direct = new JedisPooled("127.0.0.1", primary)) {
                assertThat(direct.xlen("hl:stream:" + key)).as("written on the primary").isEqualTo(1);
            }
            awaitReplicated(replica, key);

            primaryProcess.destroyForcibly();
            primaryProcess.waitFor(10, TimeUnit.SECONDS);
            String after = null;
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (after == null && System.nanoTime() < until) {
                try {
                    after = events.publish(key, Map.of("type", "screen-pop", "n", "2"));
                } catch (RuntimeException e) {
                    Thread.sleep(250); // until the sentinel has promoted the replica
                }
            }
            assertThat(after).as("a publish succeeds after the fail-over").isNotNull();
            assertThat(events.readAfter(key, EventStream.START, 10)).extracting(StreamEntry::id).containsExactly(before, after);
            try (JedisPooled promoted = new JedisPooled("127.0.0.1", replica)) {
                assertThat(promoted.xlen("hl:stream:" + key)).as("the promoted replica has both").isEqualTo(2);
            }
        }
    }

    private static void awaitReplicated(int replica, String key) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (JedisPooled r = new JedisPooled("127.0.0.1", replica)) {
            while (System.nanoTime() < until) {
                if (r.xlen("hl:stream:" + key) == 1) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the replica did not receive the entry within 20 s");
    }

    @Test
    void aMalformedSentinelUrlIsRefusedWithTheExpectedForm() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedisClients.connect("redis-sentinel://127.0.0.1:26379", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master-name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedisClients.connect("redis-sentinel://:pw@h:x/m", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
    }
}
