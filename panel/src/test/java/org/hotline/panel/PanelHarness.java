package org.hotline.panel;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.domain.testing.Conditions;
import org.hotline.panel.fakes.FakeDirectory;
import org.hotline.panel.fakes.FakeDispatchQueue;
import org.hotline.panel.fakes.FakeEventStream;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.panel.roster.ConfigRosterOverrideValidator;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.panel.roster.InMemoryDutyOverrides;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.User;
import org.hotline.storage.Storage;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.HandoverStore;
import org.hotline.domain.store.PresenceStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.notify.AlertStore;
import org.hotline.domain.store.SessionStore;
import org.hotline.panel.auth.InMemorySessionStore;

/**
 * A running panel on an ephemeral port backed by hand-written fakes of the ports, with users
 * alice and bob (agents), sam (supervisor), tina (tip-off handler), wang (duty manager) and root (admin), all with
 * password {@link #PASSWORD}, and departments "engineering" and "security".
 */
final class PanelHarness implements AutoCloseable {
    static final String PASSWORD = "correct horse 42";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration IDLE = PanelConfig.defaults().sessionIdleTimeout();

    /** The storage ports a harness runs on: hand-written fakes or the real storage. */
    record Backend(TicketStore tickets, DispatchQueue queue, EventStream events, PresenceStore presence, UserStore users,
                   DepartmentStore departments, HandoverStore handovers, SessionStore sessions, AuditTrail audit,
                   DutyOverrideStore overrides, AlertStore alerts, AutoCloseable resources) {

        static Backend fakes(Clock clock) {
            FakeDispatchQueue queue = new FakeDispatchQueue(clock);
            FakeDirectory.Audit audit = new FakeDirectory.Audit();
            return new Backend(new InMemoryTickets(clock, queue), queue, new FakeEventStream(),
                    new FakeDirectory.Presences(clock), new FakeDirectory.Users(), new FakeDirectory.Departments(),
                    new FakeDirectory.Handovers(), new InMemorySessionStore(clock, IDLE), audit,
                    new InMemoryDutyOverrides(audit), new org.hotline.domain.testing.InMemoryAlerts(), () -> { });
        }

        /** The real storage (PostgreSQL + Redis) on a fresh database, from storage's test fixture. */
        static Backend storage(Clock clock) {
            Storage s = StorageFixture.shared().freshStorage(clock);
            return new Backend(s.tickets(), s.queue(), s.events(), s.presence(), s.users(), s.departments(),
                    s.handovers(), s.sessions(IDLE), s.audit(), s.dutyOverrides(), s.alerts(), s);
        }
    }

    final Clock clock;
    final Backend backend;
    final TicketStore tickets;
    final DispatchQueue queue;
    final EventStream events;
    final UserStore users;
    final DepartmentStore departments;
    final HandoverStore handovers;
    final PresenceStore presence;
    final FakeDirectory.QueueMembers queueMembers = new FakeDirectory.QueueMembers();
    final FakeDirectory.Calls calls = new FakeDirectory.Calls();
    final org.hotline.panel.fakes.FakeCallbacks callbacks = new org.hotline.panel.fakes.FakeCallbacks();
    /** The reports' facts on the fakes backend (the real storage keeps its own). */
    final org.hotline.domain.testing.InMemoryTicketFacts facts = new org.hotline.domain.testing.InMemoryTicketFacts();
    /** The generated reports on the fakes backend. */
    final org.hotline.domain.testing.InMemoryReports generated = new org.hotline.domain.testing.InMemoryReports();
    final DutyOverrideStore overrides;
    final AlertStore alerts;
    final Map<String, HealthCheck> health = new LinkedHashMap<>();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final PanelServer server;
    final String base;
    private final AtomicInteger calls0 = new AtomicInteger();

    PanelHarness() throws Exception {
        this(Clock.systemUTC(), Backend.fakes(Clock.systemUTC()), TestPanelConfig.onFreePort());
    }

    PanelHarness(Clock clock, Backend backend, PanelConfig config) throws Exception {
        this(clock, backend, config, 48);
    }

    PanelHarness(Clock clock, Backend backend, PanelConfig config, int maxLiveSockets) throws Exception {
        this.clock = clock;
        this.backend = backend;
        this.tickets = backend.tickets();
        this.queue = backend.queue();
        this.events = backend.events();
        this.users = backend.users();
        this.departments = backend.departments();
        this.handovers = backend.handovers();
        this.presence = backend.presence();
        this.overrides = backend.overrides();
        this.alerts = backend.alerts();
        String hash = new String(BCrypt.withDefaults().hash(10, PASSWORD.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        users.create(new User("alice", "Alice Agent", Role.AGENT, hash, null, true));
        users.create(new User("bob", "Bob Agent", Role.AGENT, hash, null, true));
        users.create(new User("sam", "Sam Supervisor", Role.SUPERVISOR, hash, null, true));
        users.create(new User("tina", "Tina Tip-offs", Role.TIP_OFF_HANDLER, hash, null, true));
        users.create(new User("wang", "Wang Lei", Role.DUTY_MANAGER, hash, null, true));
        users.create(new User("root", "Root Admin", Role.ADMIN, hash, null, true));
        departments.save(new Department("engineering", "Engineering", true));
        departments.save(new Department("security", "Security", true));
        health.put("postgres", () -> HealthCheck.Status.up("fake store"));
        health.put("redis", () -> HealthCheck.Status.up("fake streams"));
        health.put("ami", () -> HealthCheck.Status.up("fake AMI"));
        PanelPorts ports = new PanelPorts(tickets, queue, events, presence, users, departments, handovers, queueMembers,
                calls, overrides, new ConfigRosterOverrideValidator(HotlineConfigBuilder.example().build(), overrides, clock),
                backend.sessions(), backend.audit(), Map.of("postgres", () -> check("postgres"), "redis", () -> check("redis"), "ami", () -> check("ami")),
                callbacks, org.hotline.domain.notify.NotificationOutbox.NONE,
                new org.hotline.domain.report.KpiReports(backend.resources() instanceof Storage s ? s.ticketFacts() : facts,
                        new org.hotline.domain.calendar.WorkingCalendar(HotlineConfigBuilder.example().calendar(), ZONE),
                        org.hotline.domain.report.StepRule.DEFAULTS, clock),
                backend.resources() instanceof Storage st ? st.reports() : generated, alerts);
        callbacks.recordIn(tickets);
        // the complaint line as the project tier and the service line as the area tier (escalation links)
        PanelPolicy policy = PanelPolicy.defaults(ZONE, List.of("complaints", "service")).withWallboardEvery(Duration.ofMillis(300))
                .withTiers(new org.hotline.domain.escalation.ComplaintTiers(Map.of(
                        "complaints", org.hotline.domain.config.ComplaintTier.PROJECT,
                        "service", org.hotline.domain.config.ComplaintTier.AREA), new org.hotline.domain.ticket.RepeatRule(ZONE)))
                .withMaxLiveSockets(maxLiveSockets).withRosterPeople(HotlineConfigBuilder.example().build().people().stream()
                        .map(org.hotline.domain.config.Person::id).collect(java.util.stream.Collectors.toSet()));
        server = new PanelServer(config, policy, ports, registry, clock);
        base = "http://127.0.0.1:" + server.start().getPort();
    }

    private HealthCheck.Status check(String name) {
        return health.get(name).check();
    }

    /** A call as the IVR records it: opened, intake captured, then the outcome. */
    Ticket call(String callerNumber, String callerName, RequestKind kind, CallOutcome outcome) {
        String linked = "call-" + calls0.incrementAndGet() + "-" + System.nanoTime();
        Ticket t = tickets.openForCall(new CallIntake("complaints", callerNumber, callerName, linked + ".1", linked, clock.instant()));
        if (kind != null) {
            t = tickets.updateIntake(t.id(), IntakeUpdate.none().withKind(kind)
                    .withDeadlines(Map.of("resolve", clock.instant().plus(Duration.ofHours(2)))));
        }
        Ticket after = outcome == null ? t : tickets.recordCallOutcome(t.id(), outcome);
        if (after.awaitsAgent()) {
            awaitQueued(after);
        }
        return after;
    }

    /** Waits until the store has put the ticket in its line's queue (the real store does it asynchronously). */
    void awaitQueued(Ticket t) {
        Conditions.await("ticket " + t.number() + " to reach queue " + t.line(), Duration.ofSeconds(10),
                () -> queue.peek(t.line(), 1000).stream().anyMatch(q -> q.ticketId() == t.id()));
    }

    /** Publishes a screen pop to the agent's stream as the AMI client does; returns its id. */
    String pop(String agent, Ticket t) {
        return events.publish(EventStream.agentKey(agent), Map.of("type", "screen-pop", "ticketId", Long.toString(t.id()),
                "callerNumber", t.callerNumber() == null ? "" : t.callerNumber(),
                "callerName", t.callerName() == null ? "" : t.callerName(), "line", t.line(),
                "publishedAt", Long.toString(Instant.now().toEpochMilli())));
    }

    /** Publishes a deadline alert to a user's stream as the deadline watcher does; returns its id. */
    String deadlineAlert(String user, Ticket t, String step, Instant due, boolean missed) {
        return events.publish(EventStream.agentKey(user),
                org.hotline.domain.deadline.DeadlineWatcher.event(t, new org.hotline.domain.ticket.TicketAction.DeadlineAlert(step, due,
                        missed), Instant.now()));
    }

    /** The first {@code n} days with a lunch window in the example calendar, a week from today on. */
    static List<java.time.LocalDate> lunchDays(int n) {
        var calendar = new org.hotline.domain.calendar.WorkingCalendar(HotlineConfigBuilder.example().calendar(), ZONE);
        List<java.time.LocalDate> out = new java.util.ArrayList<>();
        for (var d = java.time.LocalDate.now(ZONE).plusDays(7); out.size() < n; d = d.plusDays(1)) {
            if (calendar.lunchOn(d).isPresent()) {
                out.add(d);
            }
        }
        return out;
    }

    /** A logged-in client. */
    TestHttp login(String user) throws Exception {
        TestHttp http = new TestHttp(base);
        var res = http.postWithoutCsrf("/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        if (res.statusCode() != 200) {
            throw new AssertionError("log-in of " + user + " failed: " + res.statusCode() + " " + res.body());
        }
        http.csrf = new com.fasterxml.jackson.databind.ObjectMapper().readTree(res.body()).get("csrfToken").asText();
        return http;
    }

    Optional<Ticket> ticket(long id) { return tickets.find(id); }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                backend.resources().close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the test backend failed", e);
            }
        }
    }
}
