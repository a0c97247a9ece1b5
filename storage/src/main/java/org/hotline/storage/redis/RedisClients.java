package org.hotline.storage.redis;

import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Opens the pooled Redis client for a {@code redis://[user:password@]host:port[/db]} or
 * {@code rediss://} URL. The socket timeout exceeds {@link RedisEventStream#MAX_BLOCK} so
 * blocking stream reads are not cut off. For more than one machine, build a
 * {@code redis.clients.jedis.JedisSentineled} or {@code JedisCluster} instead (both are
 * {@code UnifiedJedis}); every class here takes a {@code UnifiedJedis}, and the queue keys share
 * one cluster hash slot.
 */
public final class RedisClients {

    private RedisClients() {}

    /**
     * @param url      the server URL
     * @param poolSize maximum pooled connections (claimers and blocking readers each hold one while working)
     */
    public static JedisPooled open(String url, int poolSize) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("storage.redis-url '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("storage.redis-url '" + url
                    + "' must look like redis://host:port or rediss://user:password@host:port/0");
        }
        DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                .socketTimeoutMillis((int) RedisEventStream.MAX_BLOCK.plusSeconds(5).toMillis())
                .connectionTimeoutMillis(2000)
                .ssl("rediss".equals(uri.getScheme()));
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                cfg.password(userInfo);
            } else {
                if (colon > 0) {
                    cfg.user(userInfo.substring(0, colon));
                }
                cfg.password(userInfo.substring(colon + 1));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            cfg.database(Integer.parseInt(path.substring(1)));
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMaxWait(Duration.ofSeconds(5));
        pool.setTestWhileIdle(true);
        return new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), cfg.build(), pool);
    }
}
