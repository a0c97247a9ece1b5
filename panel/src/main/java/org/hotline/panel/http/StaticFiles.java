package org.hotline.panel.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the panel's static files from the classpath folder {@code web/}. Only names made of
 * letters, digits, {@code - _ .} and single slashes are looked up (no {@code ..}, no
 * backslashes), so no request can reach outside that folder. Files are read once and cached.
 * Thread-safe.
 */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8");

    /** A file ready to send. */
    public record StaticFile(String contentType, byte[] bytes) {}

    private final ClassLoader loader;
    private final Map<String, Optional<StaticFile>> cache = new ConcurrentHashMap<>();

    public StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file for a request path ({@code /} means {@code /index.html}), if there is one. */
    public Optional<StaticFile> find(String path) {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!name.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.[A-Za-z0-9]+") ) {
            return Optional.empty();
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, n -> load(n, type));
    }

    private Optional<StaticFile> load(String name, String type) {
        try (InputStream in = loader.getResourceAsStream("web/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new StaticFile(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web/" + name + " from the classpath", e);
        }
    }
}
