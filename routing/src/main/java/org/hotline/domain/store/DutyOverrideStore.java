package org.hotline.domain.store;

import java.util.List;

/**
 * Where the roster overrides saved through the panel live (PostgreSQL in production), so a
 * saved swap, leave or lunch turn survives a restart and reaches every instance. Every change
 * goes with its audit entry: both are stored in one transaction, or neither. Implementations are
 * thread-safe.
 */
public interface DutyOverrideStore {

    /** All overrides, by roster then date. */
    List<DutyOverride> list();

    /**
     * Saves and removes what {@code change} says and appends its audit entry, atomically.
     *
     * A removal of a day without an override removes nothing (the caller checks first).
     *
     * @return the change's audit entry as recorded (with its id)
     */
    org.hotline.domain.ticket.AuditEntry apply(RosterChange change);
}
