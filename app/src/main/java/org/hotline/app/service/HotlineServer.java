package org.hotline.app.service;

import org.hotline.domain.ticket.RepeatRule;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hotline.app.cli.Command;
import org.hotline.app.cli.CommandContext;
import org.hotline.app.cli.HotlineService;
import org.hotline.app.cli.JsonOutput;
import org.hotline.app.cli.ServiceStartException;
import org.hotline.app.config.AsteriskSection;
import org.hotline.app.config.LoadedConfig;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.Person;
import java.util.stream.Collectors;
import org.hotline.domain.deadline.DeadlineAssigningTicketStore;
import org.hotline.domain.deadline.DeadlineWatcher;
import org.hotline.domain.deadline.DeadlineCalculator;
import org.hotline.domain.deadline.PolicyDeadlines;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.ami.AgentDirectory;
import org.hotline.ivr.ami.AmiClient;
import org.hotline.ivr.ami.AmiClientGroup;
import org.hotline.ivr.ami.CallParties;
import org.hotline.ivr.ami.TicketOutcomes;
import org.hotline.ivr.ami.EventStreamScreenPops;
import org.hotline.ivr.cdr.CallReconciler;
import org.hotline.ivr.cdr.FallbackParties;
import org.hotline.ivr.pbx.PbxCheck;
import org.hotline.ivr.pbx.PbxWarning;
import org.hotline.ivr.flow.HotlineFlow;
import org.hotline.ivr.flow.HotlineFlowConfig;
import org.hotline.ivr.flow.SurveyFlow;
import org.hotline.ivr.survey.AmiSurveyDialer;
import org.hotline.app.config.SurveySection;
import org.hotline.domain.survey.FailedCallbacks;
import org.hotline.app.config.NotificationSection;
import org.hotline.app.notify.SmtpSender;
import org.hotline.app.notify.WebhookSender;
import org.hotline.domain.notify.EscalationNoticeTicketStore;
import org.hotline.domain.leadership.MajorComplaintTicketStore;
import org.hotline.domain.escalation.ComplaintTiers;
import org.hotline.domain.escalation.TierEscalationTicketStore;
import org.hotline.domain.followup.FollowUpWatcher;
import org.hotline.domain.notify.NotificationRelay;
import org.hotline.domain.notify.NotificationSender;
import org.hotline.domain.notify.Notices;
import org.hotline.domain.afterhours.AfterHoursWatcher;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.notify.Notifier;
import org.hotline.domain.survey.SurveyCallbacks;
import org.hotline.panel.CallCounters;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.ReportBuilder;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.ReportCalendar;
import org.hotline.domain.report.ReportScheduler;
import org.hotline.storage.pg.PgChangeListener;
import org.hotline.panel.HealthCheck;
import org.hotline.panel.PanelMetrics;
import org.hotline.panel.PanelPolicy;
import org.hotline.panel.PanelPorts;
import org.hotline.panel.PanelServer;
import org.hotline.panel.roster.ConfigRosterOverrideValidator;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.storage.Storage;
import org.hotline.storage.spool.IntakeJournal;
import org.hotline.storage.spool.WriteBehindTicketStore;
import org.hotline.domain.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of {@code run}: starts storage (embedded PostgreSQL and Redis when no URL
 * is configured), the FastAGI server with the hotline and survey flows, the AMI client (when
 * {@code asterisk.ami} is configured) and the agents' panel, all wired by constructor from the
 * loaded configuration; then waits until the process is asked to stop and closes them in the
 * reverse order. Nothing else in the code base creates these objects.
 */
public final class HotlineServer implements HotlineService {
    private static final Logger log = LoggerFactory.getLogger(HotlineServer.class);
    /** Writers of the IVR's journaled intake; a call always goes to the same one, so its writes stay in order. */
    private static final int INTAKE_WRITERS = 8;
    /** Records per intake journal file; a file is deleted once every record in it is written. */
    private static final int JOURNAL_FILE_RECORDS = 10_000;
    /** How long a start waits for the journal a killed predecessor left to be written. */
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(30);
    /** How often the deadline watcher looks for steps at risk or missed. */
    private static final Duration DEADLINE_SCAN_EVERY = Duration.ofMinutes(1);
    /** How often the follow-up watcher looks for tickets nobody followed up. */
    /** How long the duty manager's phone rings for a voice alert. */
    private static final Duration VOICE_ALERT_RING = Duration.ofSeconds(40);
    /** How often after-hours call-back tickets and the morning list are looked at. */
    private static final Duration AFTER_HOURS_SCAN_EVERY = Duration.ofMinutes(1);
    /** How old an after-hours ticket may be and still be reported to the duty managers (a service down overnight). */
    private static final Duration AFTER_HOURS_LOOK_BACK = Duration.ofDays(4);
    private static final Duration FOLLOW_UP_SCAN_EVERY = Duration.ofMinutes(10);
    private static final String FIRST_ADMIN = "admin";
    /** How often Asterisk's call records are reconciled into tickets. */
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(5);
    /** How long after a call's last call record it is reconciled (its records arrive together at its end). */
    private static final Duration RECONCILE_SETTLE = Duration.ofSeconds(3);
    /** How often readiness re-checks what the PBX lacks (prompts, recordings directory). */
    private static final Duration PBX_CHECK_EVERY = Duration.ofSeconds(15);
    /** How often the wallboard re-reads today's counters from the stored facts (it polls about once a second). */
    private static final Duration WALLBOARD_COUNTS_EVERY = Duration.ofSeconds(2);
    /** How often the report scheduler looks for a report that is due. */
    private static final Duration REPORTS_EVERY = Duration.ofMinutes(1);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean serving = new AtomicBoolean();
    private final Optional<String> firstAdminPassword;

    /**
     * @param firstAdminPassword the first administrator's password from {@code HOTLINE_ADMIN_PASSWORD}; it wins
     *                           over {@code panel.admin-password}; with neither, one is generated and logged
     */
    public HotlineServer(Optional<String> firstAdminPassword) {
        this.firstAdminPassword = firstAdminPassword;
    }

    /** Asks a running {@link #serve} to shut down (a shutdown hook, or a test). */
    public void stop() {
        stop.countDown();
    }

    /**
     * Stops and waits until everything is closed (or {@code timeout} passed): what a JVM shutdown
     * hook must do, since the JVM halts as soon as its hooks return. Returns at once when
     * {@link #serve} never began (every command but {@code run}): there is nothing to wait for.
     */
    public void stopAndWait(Duration timeout) throws InterruptedException {
        stop();
        if (serving.get()) {
            stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public int serve(LoadedConfig config, CommandContext context) throws Exception {
        if (!serving.compareAndSet(false, true)) {
            throw new IllegalStateException("this HotlineServer already served once");
        }
        Clock clock = context.clock();
        try (Running running = start(config, clock)) {
            JsonOutput.print(context.out(), running.summary());
            context.out().flush();
            stop.await();
            log.info("Stopping hotline.");
        } finally {
            stopped.countDown();
        }
        return Command.OK;
    }

    /** Everything {@code run} starts, closed in reverse order. */
    public record Running(Storage storage, FastAgiServer agi, AmiClientGroup ami, PanelServer panel,
            DeadlineSchedule deadlines, AutoCloseable background, InetSocketAddress agiAddress, InetSocketAddress panelAddress, TicketStore tickets,
            Surveys surveys, AutoCloseable notifications, AutoCloseable followUps)
            implements AutoCloseable {

        /** The one-line JSON the service prints when it is ready. */
        public Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("status", "ready");
            s.put("agi", "agi://" + agiAddress.getHostString() + ":" + agiAddress.getPort() + "/hotline");
            s.put("panel", "http://" + panelAddress.getHostString() + ":" + panelAddress.getPort() + "/");
            s.put("ami", ami == null || ami.isEmpty() ? "not configured" : "connecting");
            s.put("postgres", storage.postgresReady() ? "up" : "down (intake is spooled)");
            s.put("redis", storage.redisReady() ? "up" : "down");
            s.put("surveys", surveys == null ? "off (no surveys.ami)" : "on");
            return s;
        }

        @Override
        public void close() {
            closeQuietly(followUps);
            closeQuietly(notifications);
            closeQuietly(surveys);
            closeQuietly(background);
            closeQuietly(deadlines);
            closeQuietly(panel);
            closeQuietly(ami);
            closeQuietly(agi);
            closeQuietly(storage);
        }

        static void closeQuietly(AutoCloseable c) {
            if (c == null) {
                return;
            }
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** A storage server's probe; an embedded server adds its own state (pid, restarts, restarting). */
    private static HealthCheck probe(BooleanSupplier ready, String down,
            Optional<Supplier<String>> embedded) {
        return () -> {
            String server = embedded.map(e -> "; " + e.get()).orElse("");
            return ready.getAsBoolean() ? HealthCheck.Status.up("connected" + server)
                    : HealthCheck.Status.down(down + server);
        };
    }

    /** The satisfaction call-back: its scheduler and its AMI connection, closed together. */
    public record Surveys(SurveyCallbacks callbacks, AutoCloseable schedule, AmiSurveyDialer dialer)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                schedule.close();
            } catch (Exception e) {
                log.warn("Closing the call-back schedule failed: {}", e.toString());
            }
            dialer.close();
        }
    }

    /** Starts every part; on a failure, closes what was started and rethrows. */
    public Running start(LoadedConfig config, Clock clock) throws InterruptedException {
        HotlineConfig hotline = config.hotline();
        AsteriskSection asterisk = config.asterisk();
        // which status meets a deadline step: the reports and storage's daily sums of them count with this one rule
        WorkingCalendar calendar = new WorkingCalendar(hotline.calendar(), hotline.zone());
        PolicyDeadlines policyDeadlines = new PolicyDeadlines(hotline, new DeadlineCalculator(calendar));
        StepRule steps = policyDeadlines.stepRule();
        Storage storage;
        try {
            // in the hotline's zone: the local year of ticket numbers, the local quarter of repeat detection
            storage = Storage.start(config.storage(), clock.withZone(hotline.zone()), steps);
        } catch (IllegalStateException e) {
            throw new ServiceStartException(e.getMessage(), e);
        }
        FastAgiServer agi = null;
        AmiClientGroup ami = null;
        PanelServer panel = null;
        DeadlineSchedule deadlines = null;
        Background background = new Background();
        Surveys surveys = null;
        AutoCloseable relay = null;
        AutoCloseable followUp = null;
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            CallCounters board = new CallCounters(clock, hotline.zone());
            List<String> lineIds = hotline.lines().stream().map(LineConfig::id).toList();

            DutyOverrideStore saved = storage.dutyOverrides();
            LiveRouting routing = new LiveRouting(hotline, saved.list());
            DutyOverrideStore overrides = new ObservedDutyOverrides(saved, routing::apply);

            // Meters are shared by name: the panel registers the same ones on this registry.
            NotificationSection notificationSection = config.notifications();
            Notices notices = new Notices(new Notifier(storage.notifications(), storage.alerts(), notificationSection.contacts(),
                    hotline.zone(), clock), storage.users());
            KpiReports reports = new KpiReports(storage.ticketFacts(), calendar, steps, clock);
            // a caller's call on the next tier of complaint line links itself to their earlier ticket
            ComplaintTiers tiers = ComplaintTiers.of(hotline.lines(), new RepeatRule(hotline.zone()));
            TicketStore tickets = new TierEscalationTicketStore(new MajorComplaintTicketStore(
                    new EscalationNoticeTicketStore(new CallBoardTicketStore(
                    new DeadlineAssigningTicketStore(storage.tickets(), policyDeadlines),
                    board, new PanelMetrics(registry)), notices), notificationSection.major(),
                    (t, why) -> quietly("major complaint notice", () -> notices.major(t, why))), tiers);

            // the IVR's writes leave the caller's path: journaled on local disk, written behind in order per call
            storage.ticketNumbers().fill();
            WriteBehindTicketStore ivrTickets = new WriteBehindTicketStore(tickets,
                    new IntakeJournal(storage.intakeJournalDir(), JOURNAL_FILE_RECORDS), storage.ticketNumbers()::take,
                    clock, INTAKE_WRITERS);
            background.add(ivrTickets);
            int recovered = ivrTickets.recover();
            if (recovered > 0) {
                // like the outage spool: written before the service says it is ready, unless the database is down
                boolean written = ivrTickets.awaitWritten(RECOVERY_WAIT);
                log.info("{} intake records journaled before the last stop {}", recovered,
                        written ? "written" : "still waiting for the database; written as soon as it answers");
            }

            AgentDirectory agents = new AgentDirectory(asterisk.agents());
            PanelPhones users = new PanelPhones(storage.users(), agents, asterisk.agents());
            // one client per PBX; the fallback's outcomes go through the same store as the flow's:
            // deadlines, call board
            CallParties parties = new CallParties(agents, hotline.people().stream()
                    .collect(java.util.stream.Collectors.toMap(Person::phone, Person::id, (x, y) -> x)));
            EventStreamScreenPops pops = new EventStreamScreenPops(storage.events(), storage.tickets());
            TicketOutcomes outcomes = new TicketOutcomes(tickets);
            ami = new AmiClientGroup(asterisk.ami().stream()
                    .map(c -> new AmiClient(c, agents, pops, parties, outcomes, clock)).toList());
            AmiClientGroup amiClients = ami;

            Map<String, HealthCheck> health = new LinkedHashMap<>();
            health.put("postgres", probe(storage::postgresReady, "unreachable; call intake is spooled to disk",
                    storage.embeddedPostgres().map(p -> p::describe)));
            health.put("redis", probe(storage::redisReady, "unreachable",
                    storage.embeddedRedis().map(r -> r::describe)));
            health.put("ami", () -> amiClients.isEmpty() ? HealthCheck.Status.up("not configured")
                    : amiClients.clients().size() == 1 && amiClients.allConnected() ? HealthCheck.Status.up("logged in")
                    : amiClients.clients().size() == 1 ? HealthCheck.Status.down("not connected; reconnecting")
                    : new HealthCheck.Status(amiClients.allConnected(), amiClients.describe(), List.of()));
            java.util.concurrent.atomic.AtomicReference<HealthCheck.Status> pbx = new java.util.concurrent.atomic.AtomicReference<>(
                    HealthCheck.Status.up(amiClients.isEmpty() ? "AMI not configured: not checked" : "not checked yet"));
            health.put("pbx", pbx::get);
            health.put("call-records", () -> storage.callRecords().lastRecordAt()
                    .map(at -> HealthCheck.Status.up("Asterisk's latest call record: " + at))
                    .orElseGet(() -> new HealthCheck.Status(true, "no call record from Asterisk in "
                            + org.hotline.storage.pg.PgCallRecordRepository.LOOKBACK.toDays() + " days", List.of(
                            "Asterisk writes no call records into table cdr: calls while the service is down leave "
                                    + "no ticket. Load cdr_pgsql.so with asterisk-config/cdr.conf and cdr_pgsql.conf, "
                                    + "and set storage.cdr-password (asterisk-config/README.md, Call records)"))));

            SurveySection surveySection = config.surveys();
            SurveyCallbacks callbacks = null;
            AmiSurveyDialer dialer = null;
            if (surveySection.ami().isPresent()) {
                dialer = new AmiSurveyDialer(surveySection.ami().get(), asterisk.dial(), SurveyCallbacks.ACTOR.id());
                callbacks = new SurveyCallbacks(tickets, storage.surveys(), dialer, surveySection.policies(), calendar,
                        instanceName(), clock, (call, ticket) -> quietly("call-back failure notice",
                                () -> notices.callbackFailed(call, ticket)));
            }
            PanelPorts ports = new PanelPorts(tickets, storage.queue(), storage.events(), storage.presence(),
                    users, storage.departments(), storage.handovers(), new AmiQueueMembers(ami, agents),
                    new StoredCallBoard(board, reports, clock, WALLBOARD_COUNTS_EVERY),
                    overrides, new ConfigRosterOverrideValidator(hotline, overrides, clock),
                    storage.sessions(config.panel().sessionIdleTimeout()), storage.audit(), health,
                    callbacks == null ? FailedCallbacks.NONE : callbacks, storage.notifications(), reports,
                    storage.reports(), storage.alerts());
            PanelPolicy policy = PanelPolicy.defaults(hotline.zone(), lineIds).withTiers(tiers)
                    .withRosterPeople(hotline.people().stream().map(Person::id).collect(Collectors.toSet()));
            panel = new PanelServer(config.panel(), policy, ports, registry, clock);

            HotlineFlowConfig flowConfig = HotlineFlowConfig.defaults(asterisk.dial(), clock,
                    asterisk.agents());
            AgiFlows flows = new AgiFlows(Map.of(
                    HotlineFlow.NAME, new HotlineFlow(routing, ivrTickets, flowConfig),
                    SurveyFlow.NAME, new SurveyFlow(tickets, flowConfig, callbacks, surveySection.questionPrompt(),
                            surveySection.commentPrompt(), surveySection.commentSeconds())));
            agi = new FastAgiServer(asterisk.agi(), flows, registry);
            InetSocketAddress panelAddress;
            try {
                agi.start();
                panelAddress = panel.start();
            } catch (Exception e) { // Netty rethrows a bind failure as an undeclared BindException
                if (e instanceof IllegalStateException || e instanceof java.net.BindException) {
                    throw new ServiceStartException(e.getMessage()
                            + " (is another hotline running? stop it, or change asterisk.agi.port / panel.port)", e);
                }
                throw e;
            }
            panel.ensureFirstAdmin(FIRST_ADMIN, firstAdminPassword.or(() -> config.panel().adminPassword()));
            users.seedAndRefresh();
            // what another instance (or `hotline.jar user`) commits reaches this one within a second
            background.add(storage.followChanges(table -> {
                boolean all = table.equals(PgChangeListener.EVERYTHING);
                if (all || table.equals("duty_overrides")) {
                    routing.apply(saved.list());
                }
                if (all || table.equals("users")) {
                    users.refresh();
                }
            }));
            ami.start();
            log.info("hotline is ready: FastAGI on {}, panel on http://{}:{}/", agi.localAddress(),
                    panelAddress.getHostString(), panelAddress.getPort());
            // reminders and escalation: the same at-risk margin as the wallboard's
            DeadlineWatcher watcher = new DeadlineWatcher(tickets, storage.events(), storage.users(),
                    policy.atRiskMargin(), clock);
            deadlines = new DeadlineSchedule(() -> {
                List<DeadlineWatcher.Alert> alerts = watcher.scan();
                alerts.forEach(a -> quietly("deadline notice", () -> notices.deadline(a)));
                return alerts;
            }, DEADLINE_SCAN_EVERY, registry);
            List<NotificationSender> senders = new java.util.ArrayList<>();
            notificationSection.smtp().ifPresent(c -> senders.add(new SmtpSender(c)));
            notificationSection.webhook().ifPresent(c -> senders.add(new WebhookSender(c, clock)));
            NotificationRelay relayer = new NotificationRelay(storage.notifications(), senders, clock);
            relay = new Periodic("notification-relay", notificationSection.sendEvery(), relayer::runOnce);
            FollowUpWatcher followUps = new FollowUpWatcher(tickets, storage.events(), notificationSection.followUpEvery(),
                    clock, (t, since) -> quietly("follow-up notice", () -> notices.followUp(t, since)));
            followUp = new Periodic("follow-up-watcher", FOLLOW_UP_SCAN_EVERY, followUps::scan);
            // after-hours call-backs: the duty managers told (and named on the ticket); the morning list;
            // an urgent one also rings duty manager A, who hears the ticket number (notifications.duty-voice-call)
            AmiSurveyDialer voiceAlerts = notificationSection.dutyVoiceCall() ? dialer : null;
            if (notificationSection.dutyVoiceCall() && dialer == null) {
                log.warn("notifications.duty-voice-call is on but surveys.ami is not configured: no voice alerts");
            }
            AfterHoursWatcher afterHours = new AfterHoursWatcher(tickets, calendar,
                    (line, at, urgent) -> routing.decide(line, at, urgent).fallback(), new AfterHoursWatcher.Sink() {
                        @Override
                        public void afterHours(Ticket t, List<String> people) {
                            notices.afterHours(t, people);
                        }

                        @Override
                        public void morningList(java.time.LocalDate day, java.time.Instant since,
                                java.time.Instant opening, List<Ticket> arrived) {
                            notices.morningList(day, since, opening, arrived);
                        }

                        @Override
                        public void named(Ticket t, List<String> people) {
                            if (voiceAlerts != null && t.kind() == org.hotline.domain.ticket.RequestKind.URGENT) {
                                quietly("duty voice alert", () -> voiceAlert(voiceAlerts, hotline, t, people.get(0)));
                            }
                        }
                    }, () -> onShift(storage.presence(), clock), AFTER_HOURS_LOOK_BACK, clock);
            background.add(new Periodic("after-hours-watcher", AFTER_HOURS_SCAN_EVERY, () -> afterHours.scan()));
            if (callbacks != null) {
                SurveyCallbacks scanner = callbacks;
                io.micrometer.core.instrument.Counter attempts = io.micrometer.core.instrument.Counter
                        .builder("hotline.survey.attempts").description("satisfaction call-back attempts placed")
                        .register(registry);
                surveys = new Surveys(callbacks, new Periodic("survey-callbacks", surveySection.scanEvery(),
                        () -> attempts.increment(scanner.scan().placed().size())), dialer);
            }
            // the scheduled reports: daily, weekly hot topics, monthly (prepared, then published), once across instances
            ReportScheduler reportScheduler = new ReportScheduler(storage.reports(), new ReportBuilder(reports, tickets),
                    new ReportCalendar(calendar), hotline.zone(), clock);
            background.add(new Periodic("report-scheduler", Duration.ofSeconds(30), REPORTS_EVERY, () -> {
                List<String> wrote = reportScheduler.runOnce();
                if (!wrote.isEmpty()) {
                    log.info("reports generated: {}", wrote);
                }
            }));
            // calls Asterisk recorded but the service never ran (down, killed, refused): at start and continuously
            CallReconciler reconciler = new CallReconciler(storage.callRecords(), tickets, routing::lineForNumber,
                    new FallbackParties(agents, flowConfig.dial(), hotline.people()), RECONCILE_SETTLE);
            background.add(new Periodic("call-reconciler", Duration.ZERO, RECONCILE_EVERY, () -> {
                CallReconciler.Pass pass = reconciler.runOnce();
                if (pass.calls() > 0) {
                    log.info("call records reconciled: {}", pass);
                }
            }));
            if (!amiClients.isEmpty()) {
                PbxCheck check = new PbxCheck(hotline.lines(), flowConfig.recordingDirectory(), "en");
                background.add(new Periodic("pbx-check", Duration.ofSeconds(2), PBX_CHECK_EVERY,
                        () -> pbx.set(pbxStatus(check, amiClients))));
            }
            return new Running(storage, agi, ami, panel, deadlines, background, agi.localAddress(), panelAddress, tickets,
                    surveys, relay, followUp);
        } catch (RuntimeException | InterruptedException e) {
            new Running(storage, agi, ami, panel, deadlines, background, null, null, null, surveys, relay, followUp).close();
            throw e;
        }
    }

    /** Rings {@code personId}'s configured phone and reads out the number of urgent ticket {@code t}. */
    private static void voiceAlert(AmiSurveyDialer dialer, HotlineConfig hotline, Ticket t, String personId) {
        Optional<String> phone = hotline.people().stream().filter(p -> p.id().equals(personId))
                .map(Person::phone).findFirst();
        if (phone.isEmpty()) {
            log.warn("urgent ticket {}: duty manager {} has no configured phone; no voice alert", t.number(), personId);
            return;
        }
        dialer.alertDuty(t.number(), phone.get(), VOICE_ALERT_RING).whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.warn("urgent ticket {}: voice alert to {} failed: {}", t.number(), personId, failure.toString());
            } else {
                log.info("urgent ticket {}: voice alert to duty manager {}: {} ({})", t.number(), personId,
                        outcome.result(), outcome.reason());
            }
        });
    }

    /** The agents available now, the first to come on shift first: who takes the night's tickets at the opening. */
    private static List<String> onShift(org.hotline.domain.store.PresenceStore presence, java.time.Clock clock) {
        java.time.Instant now = clock.instant();
        return presence.all().stream()
                .filter(p -> p.state() == org.hotline.domain.ticket.AgentState.AVAILABLE && p.expiresAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(org.hotline.domain.ticket.Presence::since)
                        .thenComparing(org.hotline.domain.ticket.Presence::agentId))
                .map(org.hotline.domain.ticket.Presence::agentId).toList();
    }

    /**
     * What the connected PBXs lack, for readiness: up with a warning per missing thing (named by
     * the PBX's address when there are several).
     */
    private static HealthCheck.Status pbxStatus(PbxCheck check, AmiClientGroup amis) {
        boolean several = amis.clients().size() > 1;
        List<String> details = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (AmiClient ami : amis.clients()) {
            String name = several ? ami.address() + ": " : "";
            var variables = ami.variables();
            if (variables.isEmpty()) {
                details.add(name + "AMI not connected: not checked");
                continue;
            }
            try {
                List<PbxWarning> found = check.run(variables.get());
                details.add(name + (found.isEmpty() ? "the prompts and the recordings directory are there"
                        : found.size() + " things the PBX lacks"));
                found.forEach(w -> warnings.add(name + w.text()));
            } catch (java.io.IOException e) {
                details.add(name + "not checked: " + e.getMessage());
            }
        }
        return new HealthCheck.Status(true, String.join("; ", details), warnings);
    }

    /** The service's periodic jobs, closed together. */
    private static final class Background implements AutoCloseable {
        private final List<AutoCloseable> jobs = new java.util.concurrent.CopyOnWriteArrayList<>();

        void add(AutoCloseable job) {
            jobs.add(job);
        }

        /** Closes the jobs, the last added first. */
        @Override
        public void close() {
            for (int i = jobs.size() - 1; i >= 0; i--) {
                Running.closeQuietly(jobs.get(i));
            }
        }
    }

    /** Runs {@code what}; a failure is logged, never passed on (a notice must not stop the scan that raised it). */
    private static void quietly(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("{} not enqueued: {}", what, e.toString());
        }
    }

    /** This instance's name in the call-back's claims: host and process, for the record only. */
    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
