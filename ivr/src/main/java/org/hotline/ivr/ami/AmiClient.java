package org.hotline.ivr.ami;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's AMI connection: logs in with the least-privilege user, pings it every
 * {@link AmiConfig#keepalive()}, and when it drops (or a ping fails) abandons it and connects
 * afresh after {@link ReconnectBackoff} delays. After every (re)connect it re-reads the truth
 * from Asterisk (QueueStatus for member pauses, CoreShowChannels plus HOTLINE_TICKET of the
 * live calls) and hands it to the {@link ScreenPopRouter} as a snapshot, so the agents' screens
 * match Asterisk again. Live events received meanwhile are held and applied after it.
 *
 * <p>It also follows the dialplan's fallback of every call the service did not finish
 * ({@link FallbackFollower}: the {@code HotlineFallback} user event naming the ticket, the
 * queue, the answer, the voicemail message or nobody, the hangup) and records each step on the
 * ticket through a {@link CallOutcomeSink}.
 *
 * <p>Threads: Asterisk-Java's reader thread only translates events and enqueues them; one
 * event thread owns the router and the follower and calls the {@link ScreenPopSink}; one
 * outcome thread writes the follower's outcomes (blocking store calls never delay a screen
 * pop); one scheduler thread runs connects, pings and re-synchronisation. {@link #pause} may be
 * called from any thread.
 */
public final class AmiClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiClient.class);
    private static final long ACTION_TIMEOUT_MS = 5_000;
    /** AST_STATE_UP in CoreShowChannel's ChannelState. */
    private static final int CHANNEL_STATE_UP = 6;
    /** The channel variable the dialplan/flow sets with the ticket number. */
    public static final String TICKET_VARIABLE = "HOTLINE_TICKET";

    private final AmiConfig config;
    private final AgentDirectory agents;
    private final ScreenPopRouter router;
    private final ScreenPopSink sink;
    private final Function<AmiConfig, ManagerConnection> connections;
    private final AmiEventTranslator translator = new AmiEventTranslator();
    private final FallbackFollower follower;
    private final CallOutcomeSink outcomes;
    private final ExecutorService eventThread = Executors.newSingleThreadExecutor(r -> daemon(r, "ami-events"));
    private final ExecutorService outcomeThread = Executors.newSingleThreadExecutor(r -> daemon(r, "ami-outcomes"));
    private volatile Thread schedulerThread;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = daemon(r, "ami-connect");
        schedulerThread = t;
        return t;
    });
    private final Map<String, Boolean> pausedByDevice = new ConcurrentHashMap<>();

    private final Object lock = new Object();
    private ManagerConnection current;
    private List<AmiEvent> held; // non-null while re-synchronising
    // confined to the scheduler thread (connect, ping, lost all run there): no lock needed
    private ScheduledFuture<?> pinger;
    private int failures;
    private volatile boolean closed;
    private volatile boolean connected;

    /**
     * A client on Asterisk-Java's {@link DefaultManagerConnection} that publishes screen pops and
     * records the dialplan fallback's outcomes on the tickets ({@code parties} names who answered).
     */
    public AmiClient(AmiConfig config, AgentDirectory agents, ScreenPopSink sink, CallParties parties,
            CallOutcomeSink outcomes, Clock clock) {
        this(config, agents, sink, parties, outcomes, clock, AmiClient::defaultConnection);
    }

    /** The same on connections made by {@code connections} (tests). */
    public AmiClient(AmiConfig config, AgentDirectory agents, ScreenPopSink sink, CallParties parties,
            CallOutcomeSink outcomes, Clock clock, Function<AmiConfig, ManagerConnection> connections) {
        this.config = config;
        this.agents = agents;
        this.sink = sink;
        this.router = new ScreenPopRouter(agents, clock);
        this.follower = new FallbackFollower(parties);
        this.outcomes = outcomes;
        this.connections = connections;
    }

    /**
     * A client for screen pops only: the fallback is followed but its outcomes are not recorded
     * anywhere (for a deployment, or a test, without a ticket store).
     */
    public AmiClient(AmiConfig config, AgentDirectory agents, ScreenPopSink sink, Clock clock) {
        this(config, agents, sink, clock, AmiClient::defaultConnection);
    }

    /** A screen-pop-only client on connections made by {@code connections} (tests). */
    public AmiClient(AmiConfig config, AgentDirectory agents, ScreenPopSink sink, Clock clock,
            Function<AmiConfig, ManagerConnection> connections) {
        this(config, agents, sink, new CallParties(agents, Map.of()), (ticket, outcome) -> { }, clock, connections);
    }

    private static ManagerConnection defaultConnection(AmiConfig c) {
        return new DefaultManagerConnection(c.host(), c.port(), c.username(), c.secret());
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        scheduler.execute(this::connect);
    }

    /** The PBX this client follows, as {@code host:port}. */
    public String address() {
        return config.host() + ":" + config.port();
    }

    /** Whether the connection is logged in right now. */
    public boolean isConnected() {
        return connected;
    }

    /** Whether Asterisk last reported {@code user}'s phone paused in any queue (empty: unknown). */
    public Optional<Boolean> paused(String user) {
        return agents.deviceOf(user).map(pausedByDevice::get);
    }

    /**
     * Pauses or unpauses {@code user}'s phone in every queue (or in {@code queue} when not null),
     * with {@code reason} shown in the queue log.
     *
     * @throws IllegalArgumentException when the user has no device in {@code asterisk.agents}
     * @throws IOException when AMI is down or Asterisk refuses (the message says which)
     */
    public void pause(String user, String queue, boolean paused, String reason) throws IOException {
        String device = agents.deviceOf(user).orElseThrow(() -> new IllegalArgumentException(
                "user '" + user + "' has no phone in asterisk.agents"));
        ManagerConnection c = connectedOrThrow();
        QueuePauseAction action = new QueuePauseAction(device, queue, paused);
        if (reason != null && !reason.isBlank()) {
            action.setReason(reason);
        }
        ManagerResponse r = send(c, action);
        if (!"Success".equalsIgnoreCase(r.getResponse())) {
            throw new IOException("Asterisk refused to " + (paused ? "pause " : "unpause ") + device + ": " + r.getMessage());
        }
        pausedByDevice.put(device, paused);
    }

    // ---- connection life ---------------------------------------------------------------------

    private void connect() {
        if (closed) {
            return;
        }
        ManagerConnection c = connections.apply(config);
        try {
            c.registerUserEventClass(HotlineCallEvent.class);
            c.registerUserEventClass(HotlineFallbackEvent.class);
            c.registerUserEventClass(HotlineFallbackEndEvent.class);
            c.addEventListener(e -> onEvent(c, e));
            synchronized (lock) {
                current = c;
                held = new ArrayList<>();
            }
            c.login();
            failures = 0;
            connected = true;
            log.info("AMI connected to {}:{} as {}", config.host(), config.port(), config.username());
            resync(c);
            pinger = scheduler.scheduleWithFixedDelay(() -> ping(c), config.keepalive().toMillis(),
                    config.keepalive().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            synchronized (lock) {
                held = null;
            }
            failures++;
            long delay = config.backoff().delayAfter(failures).toMillis();
            log.warn("AMI connection to {}:{} failed ({}); retrying in {} ms", config.host(), config.port(),
                    e.getMessage(), delay);
            abandon(c);
            if (!closed) {
                scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Getvar over the current connection (for the PBX check); empty while not connected. */
    public Optional<org.hotline.ivr.pbx.PbxVariables> variables() {
        ManagerConnection c;
        synchronized (lock) {
            c = current;
        }
        return connected && c != null ? Optional.of(new org.hotline.ivr.pbx.AmiPbxVariables(c)) : Optional.empty();
    }

    /**
     * The connection died under us: drop it (stopping Asterisk-Java's own retries) and reconnect
     * with backoff. Called from the scheduler (a failed ping) and from Asterisk-Java's reader
     * thread (a disconnect event); the second hands over to the scheduler, which owns {@code
     * failures} and {@code pinger}.
     */
    private void lost(ManagerConnection c, String why) {
        if (!onScheduler()) {
            if (!closed) {
                try {
                    scheduler.execute(() -> lost(c, why));
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // closed meanwhile: nothing to reconnect
                }
            }
            return;
        }
        synchronized (lock) {
            if (c != current || closed) {
                return;
            }
            current = null;
            held = null;
        }
        connected = false;
        if (pinger != null) {
            pinger.cancel(false);
        }
        failures++;
        long delay = config.backoff().delayAfter(failures).toMillis();
        log.warn("AMI connection lost ({}); reconnecting in {} ms", why, delay);
        scheduler.execute(() -> abandon(c));
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private boolean onScheduler() {
        return Thread.currentThread() == schedulerThread;
    }

    private void ping(ManagerConnection c) {
        try {
            ManagerResponse r = c.sendAction(new PingAction(), ACTION_TIMEOUT_MS);
            if (r == null || "Error".equalsIgnoreCase(r.getResponse())) {
                lost(c, "ping refused");
            }
        } catch (Exception e) {
            lost(c, "ping failed: " + e.getMessage());
        }
    }

    private static void abandon(ManagerConnection c) {
        ManagerConnectionState s = c.getState();
        if (s == ManagerConnectionState.CONNECTED || s == ManagerConnectionState.RECONNECTING) {
            try {
                c.logoff();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    // ---- events ------------------------------------------------------------------------------

    private void onEvent(ManagerConnection c, ManagerEvent e) {
        if (e instanceof DisconnectEvent) {
            lost(c, "disconnected");
            return;
        }
        if (e instanceof QueueMemberPausedEvent p && p.getInterface() != null && p.getPaused() != null) {
            pausedByDevice.put(p.getInterface(), p.getPaused());
            return;
        }
        Optional<AmiEvent> event = translator.translate(e);
        if (event.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (c != current) {
                return;
            }
            if (held != null) {
                held.add(event.get());
                return;
            }
        }
        eventThread.execute(() -> apply(event.get()));
    }

    private void apply(AmiEvent event) {
        if (event instanceof AmiEvent.Ringing r && !router.knowsTicket(r.linkedId())
                && agents.userAt(r.device()).isPresent()) {
            ticketOf(r).ifPresent(t -> apply(new AmiEvent.CallTagged(r.linkedId(), "", t, "")));
        }
        List<ScreenPop> pops;
        try {
            for (FallbackFollower.Recorded r : follower.on(event)) {
                outcomeThread.execute(() -> outcomes.record(r.ticket(), r.outcome()));
            }
            pops = router.on(event);
        } catch (RuntimeException ex) {
            log.error("AMI event {} could not be applied; ignored", event, ex);
            return;
        }
        for (ScreenPop pop : pops) {
            try {
                sink.publish(pop);
            } catch (RuntimeException ex) {
                log.warn("screen pop for {} on call {} not published: {}", pop.agent(), pop.callId(), ex.getMessage());
            }
        }
    }

    /**
     * The ticket of a call whose agent phone rings before the follower learned it: the
     * HOTLINE_TICKET variable of the calling channel (the flow sets it before it queues or
     * dials). Runs on the event thread, never on Asterisk-Java's reader thread.
     */
    private Optional<String> ticketOf(AmiEvent.Ringing r) {
        ManagerConnection c;
        synchronized (lock) {
            c = current;
        }
        if (c == null || r.callerChannel().isBlank()) {
            return Optional.empty();
        }
        return ticketVariable(c, r.callerChannel());
    }

    /** The HOTLINE_TICKET variable of {@code channel}; empty when unset or unreadable. */
    private static Optional<String> ticketVariable(ManagerConnection c, String channel) {
        try {
            ManagerResponse r = c.sendAction(new GetVarAction(channel, TICKET_VARIABLE), ACTION_TIMEOUT_MS);
            if (r instanceof GetVarResponse v && v.getValue() != null && !v.getValue().isBlank()) {
                return Optional.of(v.getValue());
            }
        } catch (Exception e) {
            log.debug("no {} on {}: {}", TICKET_VARIABLE, channel, e.getMessage());
        }
        return Optional.empty();
    }

    /** Reads queue members and live channels, applies them as a snapshot, then the events held meanwhile. */
    private void resync(ManagerConnection c) throws IOException {
        try {
            ResponseEvents queues = c.sendEventGeneratingAction(new QueueStatusAction(), ACTION_TIMEOUT_MS);
            for (ResponseEvent e : queues.getEvents()) {
                if (e instanceof QueueMemberEvent m && m.getInterface() != null && m.getPaused() != null) {
                    pausedByDevice.put(m.getInterface(), m.getPaused());
                }
            }
            ResponseEvents channels = c.sendEventGeneratingAction(new CoreShowChannelsAction(), ACTION_TIMEOUT_MS);
            List<CoreShowChannelEvent> live = new ArrayList<>();
            for (ResponseEvent e : channels.getEvents()) {
                if (e instanceof CoreShowChannelEvent ch && ch.getUniqueid() != null && ch.getLinkedid() != null
                        && ch.getChannel() != null) {
                    live.add(ch);
                }
            }
            AmiEvent.Snapshot snapshot = new AmiEvent.Snapshot(liveChannels(c, live));
            List<AmiEvent> meanwhile;
            synchronized (lock) {
                meanwhile = held == null ? List.of() : held;
                held = null;
                eventThread.execute(() -> apply(snapshot));
                meanwhile.forEach(ev -> eventThread.execute(() -> apply(ev)));
            }
            log.info("AMI re-synchronised: {} live channels, {} events held during it", live.size(), meanwhile.size());
        } catch (org.asteriskjava.manager.EventTimeoutException e) {
            throw new IOException("re-synchronisation timed out: " + e.getMessage(), e);
        }
    }

    /** The live channels, with the ticket of every call that has an agent's phone in it. */
    private List<AmiEvent.LiveChannel> liveChannels(ManagerConnection c, List<CoreShowChannelEvent> live) {
        Set<String> agentCalls = new HashSet<>();
        for (CoreShowChannelEvent ch : live) {
            if (agents.userAt(AgentDirectory.deviceOfChannel(ch.getChannel())).isPresent()) {
                agentCalls.add(ch.getLinkedid());
            }
        }
        Map<String, String> ticketByCall = new HashMap<>();
        for (CoreShowChannelEvent ch : live) {
            String linked = ch.getLinkedid();
            if (!agentCalls.contains(linked) || ticketByCall.containsKey(linked)
                    || agents.userAt(AgentDirectory.deviceOfChannel(ch.getChannel())).isPresent()) {
                continue;
            }
            ticketVariable(c, ch.getChannel()).ifPresent(ticket -> ticketByCall.put(linked, ticket));
        }
        List<AmiEvent.LiveChannel> out = new ArrayList<>();
        for (CoreShowChannelEvent ch : live) {
            Integer state = ch.getChannelState();
            out.add(new AmiEvent.LiveChannel(ch.getLinkedid(), ch.getUniqueid(), ch.getChannel(),
                    state != null && state == CHANNEL_STATE_UP, ch.getCallerIdNum(), ch.getCallerIdName(),
                    ticketByCall.getOrDefault(ch.getLinkedid(), "")));
        }
        return out;
    }

    private ManagerConnection connectedOrThrow() throws IOException {
        ManagerConnection c;
        synchronized (lock) {
            c = current;
        }
        if (c == null || !connected) {
            throw new IOException("AMI is not connected to " + config.host() + ":" + config.port());
        }
        return c;
    }

    private static ManagerResponse send(ManagerConnection c, org.asteriskjava.manager.action.ManagerAction a)
            throws IOException {
        try {
            return c.sendAction(a, ACTION_TIMEOUT_MS);
        } catch (org.asteriskjava.manager.TimeoutException e) {
            throw new IOException("AMI " + a.getAction() + " timed out", e);
        } catch (IllegalStateException e) {
            throw new IOException("AMI is not connected: " + e.getMessage(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Logs off and stops every thread of the client. */
    @Override
    public void close() {
        closed = true;
        connected = false;
        ManagerConnection c;
        synchronized (lock) {
            c = current;
            current = null;
        }
        scheduler.shutdownNow();
        if (c != null) {
            abandon(c);
        }
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(2, TimeUnit.SECONDS);
            outcomeThread.shutdown();
            outcomeThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
