package org.hotline.ivr.ami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.ivr.ami.AmiEvent.Answered;
import org.hotline.ivr.ami.AmiEvent.CallerQueued;
import org.hotline.ivr.ami.AmiEvent.FallbackEnded;
import org.hotline.ivr.ami.AmiEvent.FallbackStarted;
import org.hotline.ivr.ami.AmiEvent.HungUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the dialplan's fallback of a call the service did not finish, through to the hangup,
 * and says what to record on the call's ticket: the pure heart of that part of the AMI client,
 * fed {@link AmiEvent} records, returning {@link Recorded} outcomes. No I/O.
 * <ol>
 *   <li>{@code UserEvent(HotlineFallback)} naming a ticket: {@link CallOutcome.Interrupted} with
 *       what the dialplan saw ({@code AGISTATUS}, {@code HOTLINE_STATUS}, the action);</li>
 *   <li>the caller joins a queue (QueueCallerJoin): {@link CallOutcome.Queued};</li>
 *   <li>a phone answers (AgentConnect, DialEnd with ANSWER, an agent's leg entering the bridge)
 *       whose device the configuration knows ({@link CallParties}): {@link CallOutcome.Answered}
 *       by that person, once;</li>
 *   <li>{@code UserEvent(HotlineFallbackEnd)} (the channel's hangup handler): if nobody was seen
 *       answering, the answer it reports (queue member, answered Dial), else the voicemail
 *       message it names ({@link CallOutcome.Voicemail} with the message file, kept in the
 *       voicemail box), else {@link CallOutcome.NoAnswer}; both of the last set the call-back
 *       flag;</li>
 *   <li>the fallback channel's Hangup without that event (a dialplan without the hangup
 *       handler): {@link CallOutcome.NoAnswer} unless someone answered.</li>
 * </ol>
 * A call whose fallback names no ticket (the service was down or overloaded) is not followed.
 * The end event carries the ticket too, so a follower that missed the start (it reconnected)
 * still records the end. Not thread-safe: confine to the AMI client's event thread.
 */
public final class FallbackFollower {
    /** An outcome to record on the ticket with this number. */
    public record Recorded(String ticket, CallOutcome outcome) {}

    static final int MAX_FOLLOWED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(FallbackFollower.class);

    private final CallParties parties;
    private final Map<String, Followed> calls = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Followed> eldest) {
            return size() > MAX_FOLLOWED;
        }
    };

    public FallbackFollower(CallParties parties) {
        this.parties = parties;
    }

    /** Applies one event; returns what to record (often nothing), in order. */
    public List<Recorded> on(AmiEvent event) {
        if (event instanceof FallbackStarted e) {
            return started(e);
        }
        if (event instanceof FallbackEnded e) {
            return ended(e);
        }
        Followed call = calls.get(event.linkedId());
        if (call == null) {
            return List.of();
        }
        if (event instanceof CallerQueued e && !call.answered) {
            return List.of(new Recorded(call.ticket, new CallOutcome.Queued(e.queue())));
        }
        if (event instanceof Answered e && !call.answered && !e.legId().equals(call.channel)
                && !e.legId().equals(e.linkedId())) {
            Optional<String> person = parties.personAt(e.device());
            if (person.isPresent()) {
                call.answered = true;
                return List.of(new Recorded(call.ticket, new CallOutcome.Answered(person.get())));
            }
            return List.of();
        }
        if (event instanceof HungUp e && e.uniqueId().equals(call.channel)) {
            calls.remove(e.linkedId());
            return call.answered ? List.of() : List.of(new Recorded(call.ticket, new CallOutcome.NoAnswer()));
        }
        return List.of();
    }

    /** Calls being followed (for diagnostics and tests). */
    public int followed() {
        return calls.size();
    }

    private List<Recorded> started(FallbackStarted e) {
        if (e.ticket().isBlank()) {
            return List.of();
        }
        Followed call = calls.get(e.linkedId());
        if (call == null) {
            call = new Followed(e.ticket(), e.uniqueId());
            calls.put(e.linkedId(), call);
        }
        String reason = "the dialplan's fallback took the call (AGISTATUS=" + orNone(e.agiStatus())
                + ", HOTLINE_STATUS=" + orNone(e.status()) + (e.action().isBlank() ? "" : ", action " + e.action()) + ")";
        return List.of(new Recorded(call.ticket, new CallOutcome.Interrupted(reason)));
    }

    private List<Recorded> ended(FallbackEnded e) {
        Followed call = calls.remove(e.linkedId());
        String ticket = call != null ? call.ticket : e.ticket();
        if (ticket.isBlank()) {
            return List.of();
        }
        boolean answered = call != null && call.answered;
        List<Recorded> out = new ArrayList<>();
        if (!answered) {
            String device = !e.member().isBlank() ? e.member()
                    : "ANSWER".equals(e.dialStatus()) ? e.dialedPeer() : "";
            if (!device.isBlank()) {
                Optional<String> person = parties.personAt(device);
                if (person.isEmpty()) {
                    log.warn("ticket {}: the fallback was answered at {}, which no agent or person of the configuration has",
                            ticket, device);
                }
                out.add(new Recorded(ticket, new CallOutcome.Answered(person.orElse(null))));
                answered = true;
            }
        }
        if (!answered) {
            out.add(new Recorded(ticket, e.messageFile().isBlank() ? new CallOutcome.NoAnswer()
                    : new CallOutcome.Voicemail(e.messageFile(), CallOutcome.Voicemail.KEPT_IN_VOICEMAIL_BOX)));
        }
        return out;
    }

    private static String orNone(String value) {
        return value.isBlank() ? "(empty)" : value;
    }

    /** One call in the fallback, by linkedid. */
    private static final class Followed {
        final String ticket;
        /** The uniqueid of the channel running the fallback. */
        final String channel;
        boolean answered;

        Followed(String ticket, String channel) {
            this.ticket = ticket;
            this.channel = channel;
        }
    }
}
