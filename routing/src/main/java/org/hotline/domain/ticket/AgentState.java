package org.hotline.domain.ticket;

/** An agent's availability, mirrored to the Asterisk queue member. */
public enum AgentState {
    AVAILABLE,
    PAUSED,
    WRAP_UP,
    OFFLINE
}
