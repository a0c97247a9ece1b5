package org.hotline.domain.store;

import org.hotline.domain.ticket.Urgency;
import java.time.Instant;

/** A waiting ticket as the queue sees it: id, urgency and earliest deadline ({@code null} if none). */
public record QueuedTicket(long ticketId, Urgency urgency, Instant deadline) {}
