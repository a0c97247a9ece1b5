package org.hotline.domain.store;

import java.time.Instant;

/**
 * An agent's hold on a ticket they claimed and are working: renewed while they work it (the
 * panel's heartbeat, any action on it) and ended when they dispatch, resolve or give it back.
 * When {@code until} passes without renewal the agent went away and {@code ClaimHolds} returns
 * the ticket to its queue.
 */
public record ClaimHold(long ticketId, String agentId, Instant until) {}
