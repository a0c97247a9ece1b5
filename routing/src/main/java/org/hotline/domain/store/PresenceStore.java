package org.hotline.domain.store;

import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.ticket.Presence;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Agents' presence with expiry: an agent whose panel stops refreshing its state drops to offline
 * on its own. Thread-safe.
 */
public interface PresenceStore {

    /** Sets the agent's state for {@code ttl}; returns what was stored. */
    Presence set(String agentId, AgentState state, String reason, Duration ttl);

    /** The agent's current presence; empty when never set or expired (offline). */
    Optional<Presence> get(String agentId);

    /** Every agent with an unexpired presence. */
    List<Presence> all();

    /** Removes the agent's presence (logged out: offline). */
    void clear(String agentId);
}
