package org.hotline.ivr.ami;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent's screen shows about a call ringing, answered or ended at their phone.
 * Published to that agent's stream on every change of {@link #state()}; the same
 * ({@link #callId()}, {@link #agent()}) pair identifies one pop across its updates.
 *
 * @param callId the call's linkedid
 * @param legId the uniqueid of the agent's channel: one ring (several instances following the
 *              same PBX publish one pop per leg and state)
 * @param agent the panel user the pop is for
 * @param device the agent's Asterisk device
 * @param state where the call is at that agent's phone
 * @param ticket the ticket number the IVR opened, when known yet
 * @param callerNumber caller ID number as Asterisk reported it (untrusted text)
 * @param callerName caller ID name as Asterisk reported it (untrusted text)
 * @param line the hotline line id, when known
 * @param queue the queue the call came through, or empty for a direct forward
 * @param at when the follower saw the change
 */
public record ScreenPop(String callId, String legId, String agent, String device, State state, Optional<String> ticket,
        String callerNumber, String callerName, Optional<String> line, Optional<String> queue, Instant at) {

    /** A pop's life: RINGING then ANSWERED then ENDED, or RINGING then MISSED. */
    public enum State {
        RINGING, ANSWERED, ENDED, MISSED;

        /** Whether nothing can follow this state. */
        public boolean isFinal() {
            return this == ENDED || this == MISSED;
        }
    }

    public ScreenPop {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ticket, "ticket");
        callerNumber = callerNumber == null ? "" : callerNumber;
        callerName = callerName == null ? "" : callerName;
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(at, "at");
    }
}
