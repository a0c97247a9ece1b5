package org.hotline.domain.store;

import java.time.Instant;

/**
 * A ticket leased to one agent by {@link DispatchQueue#claim}. {@code token} identifies this
 * lease: after the lease expired and someone else claimed the ticket, the old claim can no
 * longer complete or release it.
 */
public record Claim(long ticketId, String queue, String agentId, String token, Instant leaseUntil) {}
