package org.hotline.panel;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.panel.api.AgentRoutes;
import org.hotline.panel.api.AlertRoutes;
import org.hotline.panel.api.AuthRoutes;
import org.hotline.panel.api.CallbackRoutes;
import org.hotline.panel.api.LeadershipRoutes;
import org.hotline.panel.api.OpsRoutes;
import org.hotline.panel.api.PanelContext;
import org.hotline.panel.api.SupervisorRoutes;
import org.hotline.panel.api.TicketRoutes;
import org.hotline.panel.api.Wallboard;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.panel.auth.FirstAdmin;
import org.hotline.panel.api.UserRoutes;
import org.hotline.panel.api.DepartmentRoutes;
import org.hotline.panel.users.DepartmentAdministration;
import org.hotline.panel.users.UserAdministration;
import org.hotline.domain.store.SessionStore;
import org.hotline.panel.auth.LoginRateLimiter;
import org.hotline.panel.auth.PasswordHasher;
import org.hotline.panel.http.Json;
import org.hotline.panel.http.Router;
import org.hotline.panel.ws.LiveHub;
import org.hotline.domain.store.ClaimHolds;

/**
 * The agents' web panel: what the app's composition root builds and starts.
 *
 * <pre>{@code
 * PanelServer panel = new PanelServer(panelConfig, PanelPolicy.defaults(zone, lineIds), ports, prometheus, clock);
 * panel.ensureFirstAdmin("admin", Optional.ofNullable(configuredAdminPassword));
 * InetSocketAddress bound = panel.start();
 * ...
 * panel.close();   // in finally / a shutdown hook
 * }</pre>
 *
 * <p>Sessions live in {@link PanelPorts#sessions()} (swept every minute): the app passes storage's
 * PostgreSQL store, so they survive a restart and are shared by every instance. The panel binds the JVM meters into the given registry and
 * serves it at {@code /metrics}. It does not own the ports in {@link PanelPorts} and never
 * closes them. Start and close from one thread.
 */
public final class PanelServer implements AutoCloseable {
    private final PanelConfig config;
    private final PanelPorts ports;
    private final PanelMetrics metrics;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final LiveHub hub;
    private final HttpEndpoint endpoint;
    private final ScheduledExecutorService sweeper;
    private final JvmGcMetrics gcMetrics;
    private final Router router;
    private final ClaimHolds holds;

    public PanelServer(PanelConfig config, PanelPolicy policy, PanelPorts ports, PrometheusMeterRegistry registry,
                       Clock clock) {
        this.config = config;
        this.ports = ports;
        this.metrics = new PanelMetrics(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);

        Json json = new Json(config.maxJsonDepth());
        PanelContext ctx = new PanelContext(ports, policy, json, clock, metrics);
        this.hasher = new PasswordHasher(config.bcryptCost());
        this.sessions = ports.sessions();
        UserAdministration admin = new UserAdministration(ports.users(), ports.departments(), sessions, ports.audit(),
                hasher, policy.rosterPeople(), clock);
        LoginRateLimiter limiter = new LoginRateLimiter(clock, config.loginBurst(), config.loginRefill());
        Wallboard wallboard = new Wallboard(ctx);

        this.router = new Router();
        new AuthRoutes(ctx, sessions, limiter, hasher, SessionCookies.name(config.secureCookies()),
                config.secureCookies(), admin).register(router);
        new UserRoutes(ctx, admin).register(router);
        new org.hotline.panel.api.SearchRoutes(ctx).register(router);
        new DepartmentRoutes(ctx, new DepartmentAdministration(ports.departments(), ports.users(), ports.audit(),
                java.util.Set.copyOf(policy.queues()), clock)).register(router);
        this.holds = new ClaimHolds(ports.queue(), ports.tickets(), clock, policy.claimLease());
        TicketRoutes tickets = new TicketRoutes(ctx, holds);
        tickets.register(router);
        new AgentRoutes(ctx, tickets, holds).register(router);
        new SupervisorRoutes(ctx, wallboard).register(router);
        new OpsRoutes(ctx, registry).register(router);
        new CallbackRoutes(ctx).register(router);
        new LeadershipRoutes(ctx).register(router);
        new AlertRoutes(ctx).register(router);
        new org.hotline.panel.api.ReportRoutes(ctx).register(router);

        this.hub = new LiveHub(ctx, wallboard, sessions);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(config.workerThreads(), r -> {
            Thread t = new Thread(r, "panel-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.endpoint = new HttpEndpoint(config, router, json, sessions, hub, workers);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "panel-session-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds and serves; returns the bound address (useful with port 0). */
    public InetSocketAddress start() throws InterruptedException {
        sweeper.scheduleWithFixedDelay(this::sweepSessions, 1, 1, TimeUnit.MINUTES);
        sweeper.scheduleWithFixedDelay(this::returnAbandonedClaims, 15, 15, TimeUnit.SECONDS);
        return endpoint.start();
    }

    private void sweepSessions() {
        try {
            sessions.sweep();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PanelServer.class).warn("could not end idle sessions: {}", e.getMessage());
        }
    }

    private void returnAbandonedClaims() {
        try {
            int n = holds.returnExpired();
            if (n > 0) {
                org.slf4j.LoggerFactory.getLogger(PanelServer.class).info("returned {} abandoned claim(s) to the queue", n);
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PanelServer.class).warn("could not return abandoned claims: {}", e.getMessage());
        }
    }

    /** The claims' leases while agents work their tickets (tests run {@link ClaimHolds#returnExpired} directly). */
    public ClaimHolds claimHolds() { return holds; }

    /**
     * Creates the first administrator if no active admin exists (see {@link FirstAdmin}).
     *
     * @return the generated password, already logged once, when one was generated
     */
    public Optional<String> ensureFirstAdmin(String username, Optional<String> configuredPassword) {
        return new FirstAdmin(ports.users(), hasher).ensure(username, configuredPassword);
    }

    /** The panel's meters, for other modules to record tickets opened and deadline breaches. */
    public PanelMetrics metrics() { return metrics; }

    /** Open WebSocket connections (for tests and the benchmark). */
    public int liveConnections() { return hub.connectionCount(); }

    public PanelConfig config() { return config; }

    /** The API routes (for the documentation test). */
    java.util.List<Router.Route> routes() { return router.routes(); }

    @Override
    public void close() {
        try {
            endpoint.close();
        } finally {
            hub.close();
            sweeper.shutdownNow();
            gcMetrics.close();
        }
    }
}
