package org.hotline.domain.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a person (or the system) may do with tickets. The wire name ({@link #wireName()}, for
 * example {@code duty_manager}) is what the panel's API and the command line use.
 */
public enum Role {
    /** A hotline agent: takes calls, owns what it accepts, works its tickets. */
    AGENT,
    /** Supervises agents: reassigns, closes stray records, edits the roster. */
    SUPERVISOR,
    /** The duty leader / manager of the day: receives after-hours calls. */
    DUTY_MANAGER,
    /** Works confidential tip-offs (reports about staff or officials); the only non-admin who sees them. */
    TIP_OFF_HANDLER,
    /** A manager above the supervisors: everything a supervisor may, plus the escalations. */
    SENIOR_MANAGER,
    /** Administers users and departments; may do anything a supervisor may. */
    ADMIN,
    /** The IVR and other automatic actors (call outcomes: abandoned, missed). */
    SYSTEM;

    /** Whether this role may see confidential tickets (tip-offs) it does not own. */
    public boolean seesConfidential() {
        return this != AGENT;
    }

    /** Whether this role is a person working tickets from the panel (not {@link #SYSTEM}). */
    public boolean isPerson() {
        return this != SYSTEM;
    }

    /** Whether this role supervises others (reassigns, closes stray records, reads the wallboard). */
    public boolean isManager() {
        return this == SUPERVISOR || this == DUTY_MANAGER || this == SENIOR_MANAGER || this == ADMIN;
    }

    /** The name the API and command line use: {@code tip_off_handler}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The person role with this wire name ({@code agent}, {@code duty_manager}, ...); {@link #SYSTEM} is not one. */
    public static Optional<Role> ofWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(Role::isPerson).filter(r -> r.wireName().equals(name.trim()))
                .findFirst();
    }

    /** The wire names of the person roles, for error messages: {@code agent, supervisor, ...}. */
    public static String personWireNames() {
        return Arrays.stream(values()).filter(Role::isPerson).map(Role::wireName).collect(Collectors.joining(", "));
    }
}
