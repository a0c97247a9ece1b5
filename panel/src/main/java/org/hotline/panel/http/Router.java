package org.hotline.panel.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.panel.auth.Access;

/**
 * Maps a method and a path to a route. Patterns are literal segments and {@code {name}}
 * placeholders ({@code /api/tickets/{id}/actions}); a placeholder matches exactly one non-empty
 * segment. Routes are added at construction and the table is read-only afterwards, so matching
 * is thread-safe.
 */
public final class Router {

    /** One entry of the table. */
    public record Route(String method, String pattern, Access access, RouteHandler handler) {
        List<String> segments() { return List.of(pattern.substring(1).split("/", -1)); }
    }

    /** The outcome of a lookup. */
    public sealed interface Match {
        record Found(Route route, Map<String, String> params) implements Match {}
        record MethodNotAllowed(Set<String> allowed) implements Match {}
        record NotFound() implements Match {}
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Access access, RouteHandler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with /: " + pattern);
        }
        routes.add(new Route(method, pattern, access, handler));
        return this;
    }

    public List<Route> routes() { return List.copyOf(routes); }

    public Match match(String method, String path) {
        if (!path.startsWith("/")) {
            return new Match.NotFound();
        }
        String[] parts = path.substring(1).split("/", -1);
        Set<String> allowed = new java.util.TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments(), parts);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match.Found(route, params);
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.MethodNotAllowed(allowed);
    }

    private static Map<String, String> bind(List<String> pattern, String[] parts) {
        if (pattern.size() != parts.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String p = pattern.get(i);
            if (p.startsWith("{") && p.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }
}
