package org.hotline.ivr.ami;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.ivr.ami.AmiEvent.Answered;
import org.hotline.ivr.ami.AmiEvent.CallTagged;
import org.hotline.ivr.ami.AmiEvent.CallerQueued;
import org.hotline.ivr.ami.AmiEvent.HungUp;
import org.hotline.ivr.ami.AmiEvent.LiveChannel;
import org.hotline.ivr.ami.AmiEvent.NotAnswered;
import org.hotline.ivr.ami.AmiEvent.Ringing;
import org.hotline.ivr.ami.AmiEvent.Snapshot;
import org.hotline.ivr.ami.ScreenPop.State;

/**
 * Follows calls through AMI events and decides which agent's screen shows what: the pure
 * heart of the AMI client, fed {@link AmiEvent} records, returning the {@link ScreenPop}s to
 * publish. No I/O.
 *
 * <p>State is kept per call (linkedid) and per ringing leg (the agent channel's uniqueid);
 * every transition is idempotent and only moves forward (RINGING, ANSWERED, then ENDED; or
 * RINGING then MISSED), so a duplicated or late event publishes nothing. Events of a call that
 * already ended are ignored (the last {@value #FINISHED_MEMORY} ended calls are remembered).
 * A ticket learned after a phone started ringing re-publishes that phone's pop with it.
 *
 * <p>Not thread-safe: confine to one thread (the adapter feeds it from a single executor).
 */
public final class ScreenPopRouter {
    static final int FINISHED_MEMORY = 10_000;

    private final AgentDirectory agents;
    private final Clock clock;
    private final Map<String, Call> calls = new HashMap<>();
    private final Map<String, Boolean> finished = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FINISHED_MEMORY;
        }
    };

    public ScreenPopRouter(AgentDirectory agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    /** Applies one event; returns the pops to publish (often none), in order. */
    public List<ScreenPop> on(AmiEvent event) {
        if (event instanceof Snapshot s) {
            return resync(s);
        }
        if (finished.containsKey(event.linkedId())) {
            return List.of();
        }
        if (event instanceof CallTagged e) {
            return tagged(e);
        } else if (event instanceof CallerQueued e) {
            Call call = call(e.linkedId());
            call.queue = Optional.of(e.queue());
            call.caller(e.callerNumber(), e.callerName());
            return List.of();
        } else if (event instanceof Ringing e) {
            return ringing(e);
        } else if (event instanceof Answered e) {
            return answered(e);
        } else if (event instanceof NotAnswered e) {
            Call call = calls.get(e.linkedId());
            Leg leg = call == null ? null : call.legs.get(e.legId());
            return leg == null ? List.of() : move(call, leg, State.MISSED);
        } else if (event instanceof HungUp e) {
            return hungUp(e);
        } else if (event instanceof AmiEvent.FallbackStarted || event instanceof AmiEvent.FallbackEnded) {
            return List.of(); // the fallback follower's; no phone of a screen pop rings from them
        }
        throw new IllegalArgumentException("unhandled event " + event);
    }

    /** Whether the ticket of call {@code linkedId} is known. */
    public boolean knowsTicket(String linkedId) {
        Call call = calls.get(linkedId);
        return call != null && call.ticket.isPresent();
    }

    /** Calls currently followed (for diagnostics and tests). */
    public int activeCalls() {
        return calls.size();
    }

    private List<ScreenPop> tagged(CallTagged e) {
        Call call = call(e.linkedId());
        boolean changed = !call.ticket.equals(Optional.of(e.ticket()));
        call.ticket = Optional.of(e.ticket());
        if (e.line() != null && !e.line().isBlank()) {
            call.line = Optional.of(e.line());
        }
        if (!changed) {
            return List.of();
        }
        List<ScreenPop> out = new ArrayList<>();
        for (Leg leg : call.legs.values()) {
            if (!leg.state.isFinal()) {
                out.add(pop(call, leg));
            }
        }
        return out;
    }

    private List<ScreenPop> ringing(Ringing e) {
        Optional<String> agent = agents.userAt(e.device());
        if (agent.isEmpty()) {
            return List.of();
        }
        Call call = call(e.linkedId());
        call.caller(e.callerNumber(), e.callerName());
        if (e.queue() != null && !e.queue().isBlank()) {
            call.queue = Optional.of(e.queue());
        }
        if (call.legs.containsKey(e.legId())) {
            return List.of();
        }
        Leg leg = new Leg(e.legId(), e.device(), agent.get(), State.RINGING);
        call.legs.put(leg.id, leg);
        return List.of(pop(call, leg));
    }

    private List<ScreenPop> answered(Answered e) {
        Call call = calls.get(e.linkedId());
        Leg leg = call == null ? null : call.legs.get(e.legId());
        if (leg != null) {
            return move(call, leg, State.ANSWERED);
        }
        // Out of order: the answer arrived before (or instead of) the ringing.
        Optional<String> agent = agents.userAt(e.device());
        if (agent.isEmpty()) {
            return List.of();
        }
        call = call(e.linkedId());
        leg = new Leg(e.legId(), e.device(), agent.get(), State.ANSWERED);
        call.legs.put(leg.id, leg);
        return List.of(pop(call, leg));
    }

    private List<ScreenPop> hungUp(HungUp e) {
        Call call = calls.get(e.linkedId());
        if (call == null) {
            if (e.uniqueId().equals(e.linkedId())) {
                finished.put(e.linkedId(), Boolean.TRUE);
            }
            return List.of();
        }
        Leg leg = call.legs.get(e.uniqueId());
        if (leg != null) {
            return move(call, leg, leg.state == State.RINGING ? State.MISSED : State.ENDED);
        }
        if (!e.uniqueId().equals(e.linkedId())) {
            return List.of();
        }
        // The caller's own channel is gone: the call is over for every phone.
        List<ScreenPop> out = new ArrayList<>();
        for (Leg l : call.legs.values()) {
            out.addAll(move(call, l, l.state == State.RINGING ? State.MISSED : State.ENDED));
        }
        calls.remove(e.linkedId());
        finished.put(e.linkedId(), Boolean.TRUE);
        return out;
    }

    private List<ScreenPop> resync(Snapshot s) {
        Map<String, List<LiveChannel>> byCall = new HashMap<>();
        for (LiveChannel c : s.channels()) {
            byCall.computeIfAbsent(c.linkedId(), k -> new ArrayList<>()).add(c);
        }
        List<ScreenPop> out = new ArrayList<>();
        // Calls we followed: legs no longer alive ended while we were not listening.
        for (Call call : List.copyOf(calls.values())) {
            List<LiveChannel> live = byCall.getOrDefault(call.linkedId, List.of());
            Set<String> alive = new HashSet<>();
            live.forEach(c -> alive.add(c.uniqueId()));
            for (Leg leg : call.legs.values()) {
                if (!alive.contains(leg.id)) {
                    out.addAll(move(call, leg, leg.state == State.RINGING ? State.MISSED : State.ENDED));
                }
            }
            if (live.isEmpty()) {
                calls.remove(call.linkedId);
                finished.put(call.linkedId, Boolean.TRUE);
            }
        }
        // Live calls: learn tickets, answers and phones we missed.
        for (Map.Entry<String, List<LiveChannel>> e : byCall.entrySet()) {
            if (finished.containsKey(e.getKey())) {
                continue;
            }
            List<LiveChannel> live = e.getValue();
            Optional<LiveChannel> tagged = live.stream().filter(c -> c.ticket() != null && !c.ticket().isBlank()).findFirst();
            Optional<LiveChannel> caller = live.stream().filter(c -> c.uniqueId().equals(e.getKey())).findFirst();
            boolean anyAgent = live.stream().anyMatch(c -> agents.userAt(AgentDirectory.deviceOfChannel(c.channel())).isPresent());
            if (!anyAgent && !calls.containsKey(e.getKey())) {
                continue;
            }
            Call call = call(e.getKey());
            caller.ifPresent(c -> call.caller(c.callerNumber(), c.callerName()));
            if (tagged.isPresent()) {
                out.addAll(tagged(new CallTagged(e.getKey(), tagged.get().uniqueId(), tagged.get().ticket(),
                        call.line.orElse(""))));
            }
            for (LiveChannel c : live) {
                String device = AgentDirectory.deviceOfChannel(c.channel());
                Leg leg = call.legs.get(c.uniqueId());
                if (leg == null) {
                    out.addAll(c.answered() ? answered(new Answered(e.getKey(), c.uniqueId(), device))
                            : ringing(new Ringing(e.getKey(), c.uniqueId(), device, "", "", "")));
                } else if (c.answered()) {
                    out.addAll(move(call, leg, State.ANSWERED));
                }
            }
        }
        return out;
    }

    /** The only place a leg changes state: forward only, each state published once. */
    private List<ScreenPop> move(Call call, Leg leg, State to) {
        State target = to == State.ENDED && leg.state == State.RINGING ? State.MISSED : to;
        boolean forward = switch (leg.state) {
            case RINGING -> target != State.RINGING;
            case ANSWERED -> target == State.ENDED;
            case ENDED, MISSED -> false;
        };
        if (!forward) {
            return List.of();
        }
        leg.state = target;
        return List.of(pop(call, leg));
    }

    private Call call(String linkedId) {
        return calls.computeIfAbsent(linkedId, Call::new);
    }

    private ScreenPop pop(Call call, Leg leg) {
        return new ScreenPop(call.linkedId, leg.id, leg.agent, leg.device, leg.state, call.ticket, call.callerNumber,
                call.callerName, call.line, call.queue, clock.instant());
    }

    /** One call, by linkedid. */
    private static final class Call {
        final String linkedId;
        final Map<String, Leg> legs = new LinkedHashMap<>();
        Optional<String> ticket = Optional.empty();
        Optional<String> line = Optional.empty();
        Optional<String> queue = Optional.empty();
        String callerNumber = "";
        String callerName = "";

        Call(String linkedId) {
            this.linkedId = linkedId;
        }

        void caller(String number, String name) {
            if (callerNumber.isEmpty() && usable(number)) {
                callerNumber = number;
            }
            if (callerName.isEmpty() && usable(name)) {
                callerName = name;
            }
        }

        private static boolean usable(String v) {
            return v != null && !v.isBlank() && !"<unknown>".equals(v);
        }
    }

    /** One phone ringing for a call, by its channel's uniqueid. */
    private static final class Leg {
        final String id;
        final String device;
        final String agent;
        State state;

        Leg(String id, String device, String agent, State state) {
            this.id = id;
            this.device = device;
            this.agent = agent;
            this.state = state;
        }
    }
}
