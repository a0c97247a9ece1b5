/**
 * The ticket domain: the {@link org.hotline.domain.ticket.Ticket} value, its one state machine
 * ({@link org.hotline.domain.ticket.TicketLifecycle}), its append-only history, and the ports the
 * storage module implements ({@link org.hotline.domain.store.TicketStore},
 * {@link org.hotline.domain.store.DispatchQueue}, {@link org.hotline.domain.store.EventStream},
 * {@link org.hotline.domain.store.PresenceStore}, {@link org.hotline.domain.store.UserStore},
 * {@link org.hotline.domain.store.DepartmentStore}, {@link org.hotline.domain.store.HandoverStore}).
 * Pure Java: no I/O.
 */
package org.hotline.domain.ticket;

import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.HandoverStore;
import org.hotline.domain.store.PresenceStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.UserStore;
