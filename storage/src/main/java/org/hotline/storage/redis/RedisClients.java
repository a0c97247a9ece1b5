package org.hotline.storage.redis;

import java.net.URI;
import java.time.Duration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;

/**
 * Opens the pooled Redis client for a {@code redis://[user:password@]host:port[/db]} or
 * {@code rediss://} URL, or ({@link #connect}) for Redis Sentinel:
 * {@code redis-sentinel://[[user:]password@]host:port[,host:port...]/master-name[/db]} asks the
 * listed sentinels for the current primary of {@code master-name} and follows every fail-over
 * ({@code JedisSentineled}); the credentials are the primary's, the sentinels are asked without
 * any. The socket timeout exceeds {@link RedisEventStream#MAX_BLOCK} so blocking stream reads are
 * not cut off. Every class here takes a {@code UnifiedJedis}.
 */
public final class RedisClients {

    private RedisClients() {}

    /** The scheme of a Sentinel URL. */
    public static final String SENTINEL_SCHEME = "redis-sentinel";

    /** A client for either kind of URL: one server ({@link #open}) or a primary found through Sentinel. */
    public static UnifiedJedis connect(String url, int poolSize) {
        if (url != null && url.startsWith(SENTINEL_SCHEME + "://")) {
            return sentineled(url, poolSize);
        }
        return open(url, poolSize);
    }

    private static UnifiedJedis sentineled(String url, int poolSize) {
        String rest = url.substring((SENTINEL_SCHEME + "://").length());
        String expected = "storage.redis-url '" + mask(url) + "' must look like "
                + "redis-sentinel://[password@]host:26379[,host:26379...]/master-name[/db]";
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        rest = at < 0 ? rest : rest.substring(at + 1);
        int slash = rest.indexOf('/');
        if (slash < 1 || slash == rest.length() - 1) {
            throw new IllegalArgumentException(expected);
        }
        String[] path = rest.substring(slash + 1).split("/");
        String master = path[0];
        Set<HostAndPort> sentinels = new LinkedHashSet<>();
        for (String node : rest.substring(0, slash).split(",")) {
            int colon = node.lastIndexOf(':');
            try {
                sentinels.add(colon < 0 ? new HostAndPort(node, 26379)
                        : new HostAndPort(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(expected);
            }
        }
        DefaultJedisClientConfig.Builder primary = clientConfig(false, userInfo);
        if (path.length > 1) {
            try {
                primary.database(Integer.parseInt(path[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(expected);
            }
        }
        DefaultJedisClientConfig sentinel = DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000)
                .socketTimeoutMillis(2000).build();
        return new JedisSentineled(master, primary.build(), pool(poolSize), sentinels, sentinel);
    }

    private static String mask(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    private static DefaultJedisClientConfig.Builder clientConfig(boolean ssl, String userInfo) {
        DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                .socketTimeoutMillis((int) RedisEventStream.MAX_BLOCK.plusSeconds(5).toMillis())
                .connectionTimeoutMillis(2000)
                .ssl(ssl);
        if (userInfo != null) {
            String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                cfg.password(decoded);
            } else {
                if (colon > 0) {
                    cfg.user(decoded.substring(0, colon));
                }
                cfg.password(decoded.substring(colon + 1));
            }
        }
        return cfg;
    }

    private static GenericObjectPoolConfig<Connection> pool(int poolSize) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMaxWait(Duration.ofSeconds(5));
        pool.setTestWhileIdle(true);
        return pool;
    }

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
