package org.hotline.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's state, why ({@code reason}, for a pause; may be {@code null}), since when, and until
 * when it holds unless refreshed (after {@code expiresAt} the agent counts as
 * {@link AgentState#OFFLINE}).
 */
public record Presence(String agentId, AgentState state, String reason, Instant since, Instant expiresAt) {
    public Presence {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
