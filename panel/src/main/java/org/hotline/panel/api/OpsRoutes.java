package org.hotline.panel.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.panel.HealthCheck;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;

/**
 * {@code GET /health/live} (the process answers), {@code GET /health/ready} (each dependency's
 * probe, 503 when any is down) and {@code GET /metrics} (Prometheus text). Public: they show no
 * ticket data; put them behind the network boundary in production.
 */
public final class OpsRoutes {
    private final PanelContext ctx;
    private final PrometheusMeterRegistry registry;

    public OpsRoutes(PanelContext ctx, PrometheusMeterRegistry registry) {
        this.ctx = ctx;
        this.registry = registry;
    }

    public void register(Router router) {
        router.add("GET", "/health/live", Access.publicRoute(), r -> ctx.json().ok(Map.of("status", "up")))
              .add("GET", "/health/ready", Access.publicRoute(), r -> ready())
              .add("GET", "/metrics", Access.publicRoute(), r -> ApiResponse.text(200,
                      "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    }

    private ApiResponse ready() {
        Map<String, Object> checks = new TreeMap<>();
        boolean allUp = true;
        for (var e : ctx.ports().health().entrySet()) {
            HealthCheck.Status s;
            try {
                s = e.getValue().check();
            } catch (RuntimeException ex) {
                s = HealthCheck.Status.down(ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            allUp &= s.up();
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("status", s.up() ? "up" : "down");
            check.put("detail", s.detail() == null ? "" : s.detail());
            if (!s.warnings().isEmpty()) {
                check.put("warnings", s.warnings());
            }
            checks.put(e.getKey(), check);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", allUp ? "up" : "down");
        out.put("checks", checks);
        return ctx.json().status(allUp ? 200 : 503, out);
    }
}
