/**
 * The ticket domain: the {@link org.hotline.ticket.Ticket} value, its one state machine
 * ({@link org.hotline.ticket.TicketLifecycle}), its append-only history, and the ports the
 * storage module implements ({@link org.hotline.ticket.TicketStore},
 * {@link org.hotline.ticket.DispatchQueue}, {@link org.hotline.ticket.EventStream},
 * {@link org.hotline.ticket.PresenceStore}, {@link org.hotline.ticket.UserStore},
 * {@link org.hotline.ticket.DepartmentStore}, {@link org.hotline.ticket.HandoverStore}).
 * Pure Java: no I/O.
 */
package org.hotline.ticket;
