/**
 * The ports the storage module implements ({@code TicketStore}, {@code DispatchQueue},
 * {@code EventStream} with its typed {@code AgentEvent}s, {@code PresenceStore},
 * {@code UserStore}, {@code DepartmentStore}, {@code HandoverStore}, {@code DutyOverrideStore})
 * and their values and errors.
 */
package org.hotline.domain.store;
