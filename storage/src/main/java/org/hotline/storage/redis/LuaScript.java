package org.hotline.storage.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script kept as a resource file under {@code redis/}, run by its SHA1 ({@code EVALSHA}) and
 * sent in full only when the server does not know it yet (first use, after a restart or flush).
 * Immutable, thread-safe.
 */
final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;

    LuaScript(String resourceName) {
        this.name = resourceName;
        try (InputStream in = LuaScript.class.getResourceAsStream("/redis/" + resourceName)) {
            if (in == null) {
                throw new IllegalStateException("Lua script redis/" + resourceName + " is missing from the class path");
            }
            this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Lua script redis/" + resourceName, e);
        }
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
        }
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + "]";
    }
}
