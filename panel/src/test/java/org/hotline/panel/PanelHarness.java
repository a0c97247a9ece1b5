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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.panel.fakes.FakeDirectory;
import org.hotline.panel.fakes.FakeDispatchQueue;
import org.hotline.panel.fakes.FakeEventStream;
import org.hotline.panel.fakes.FakeTicketStore;
import org.hotline.panel.roster.BasicRosterOverrideValidator;
import org.hotline.panel.roster.InMemoryRosterOverrides;
import org.hotline.ticket.CallIntake;
import org.hotline.ticket.CallOutcome;
import org.hotline.ticket.Department;
import org.hotline.ticket.EventStream;
import org.hotline.ticket.IntakeUpdate;
import org.hotline.ticket.RequestKind;
import org.hotline.ticket.Role;
import org.hotline.ticket.Ticket;
import org.hotline.ticket.User;

/**
 * A running panel on an ephemeral port backed by hand-written fakes of the ports, with users
 * alice and bob (agents), sam (supervisor), wang (duty manager) and root (admin), all with
 * password {@link #PASSWORD}, and departments "engineering" and "security".
 */
final class PanelHarness implements AutoCloseable {
    static final String PASSWORD = "correct horse 42";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final Clock clock = Clock.systemUTC();
    final FakeDispatchQueue queue = new FakeDispatchQueue(clock);
    final FakeTicketStore tickets = new FakeTicketStore(clock, queue);
    final FakeEventStream events = new FakeEventStream();
    final FakeDirectory.Users users = new FakeDirectory.Users();
    final FakeDirectory.Departments departments = new FakeDirectory.Departments();
    final FakeDirectory.Handovers handovers = new FakeDirectory.Handovers();
    final FakeDirectory.Presences presence = new FakeDirectory.Presences(clock);
    final FakeDirectory.QueueMembers queueMembers = new FakeDirectory.QueueMembers();
    final FakeDirectory.Calls calls = new FakeDirectory.Calls();
    final InMemoryRosterOverrides overrides = new InMemoryRosterOverrides(List.of());
    final Map<String, HealthCheck> health = new LinkedHashMap<>();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final PanelServer server;
    final String base;
    private final AtomicInteger calls0 = new AtomicInteger();

    PanelHarness() throws Exception {
        this(PanelConfig.defaults().withBind("127.0.0.1", 0));
    }

    PanelHarness(PanelConfig config) throws Exception {
        String hash = new String(BCrypt.withDefaults().hash(10, PASSWORD.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        users.create(new User("alice", "Alice Agent", Role.AGENT, hash, null, true));
        users.create(new User("bob", "Bob Agent", Role.AGENT, hash, null, true));
        users.create(new User("sam", "Sam Supervisor", Role.SUPERVISOR, hash, null, true));
        users.create(new User("wang", "Wang Lei", Role.DUTY_MANAGER, hash, null, true));
        users.create(new User("root", "Root Admin", Role.ADMIN, hash, null, true));
        departments.save(new Department("engineering", "Engineering", true));
        departments.save(new Department("security", "Security", true));
        health.put("postgres", () -> HealthCheck.Status.up("fake store"));
        health.put("redis", () -> HealthCheck.Status.up("fake streams"));
        health.put("ami", () -> HealthCheck.Status.up("fake AMI"));
        PanelPorts ports = new PanelPorts(tickets, queue, events, presence, users, departments, handovers, queueMembers,
                calls, overrides, new BasicRosterOverrideValidator(Set.of("main"), Set.of("wang", "li", "zhao", "sun"), clock, ZONE),
                Map.of("postgres", () -> check("postgres"), "redis", () -> check("redis"), "ami", () -> check("ami")));
        PanelPolicy policy = PanelPolicy.defaults(ZONE, List.of("complaints", "service")).withWallboardEvery(Duration.ofMillis(300));
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
        return outcome == null ? t : tickets.recordCallOutcome(t.id(), outcome);
    }

    /** Publishes a screen pop to the agent's stream as the AMI client does; returns its id. */
    String pop(String agent, Ticket t) {
        return events.publish(EventStream.agentKey(agent), Map.of("type", "screen-pop", "ticketId", Long.toString(t.id()),
                "callerNumber", t.callerNumber() == null ? "" : t.callerNumber(),
                "callerName", t.callerName() == null ? "" : t.callerName(), "line", t.line(),
                "publishedAt", Long.toString(Instant.now().toEpochMilli())));
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
        server.close();
    }
}
