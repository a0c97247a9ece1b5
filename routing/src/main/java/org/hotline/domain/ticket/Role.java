package org.hotline.domain.ticket;

/** What a person (or the system) may do with tickets. */
public enum Role {
    /** A hotline agent: takes calls, owns what it accepts, works its tickets. */
    AGENT,
    /** Supervises agents: reassigns, sees confidential tickets, closes stray records. */
    SUPERVISOR,
    /** The duty leader / manager of the day: receives after-hours calls. */
    DUTY_MANAGER,
    /** Administers users and departments; may do anything a supervisor may. */
    ADMIN,
    /** The IVR and other automatic actors (call outcomes: abandoned, missed). */
    SYSTEM;

    /** Whether this role may see confidential tickets (tip-offs) it does not own. */
    public boolean seesConfidential() {
        return this != AGENT;
    }

    /**
     * Whether this role manages the hotline from the panel: sees the wallboard and the duty
     * roster, reassigns tickets, receives deadline escalations.
     */
    public boolean isManager() {
        return this == SUPERVISOR || this == DUTY_MANAGER || this == ADMIN;
    }

    /** Whether this role is a person working tickets from the panel (not {@link #SYSTEM}). */
    public boolean isPerson() {
        return this != SYSTEM;
    }
}
