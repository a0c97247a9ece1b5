package org.hotline.domain.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hotline.domain.ticket.AuditEntry;

/**
 * One act on the roster, stored whole or not at all: the overrides to save (each replacing the
 * one of its roster and day), the days whose override is removed, and the one audit entry that
 * names who did it, when, and what. A swap of two people is one change: two days saved, one entry.
 */
public record RosterChange(List<DutyOverride> saves, List<Day> removals, AuditEntry audit) {

    /** A roster's duty day. */
    public record Day(String roster, LocalDate date) {
        public Day {
            Objects.requireNonNull(roster, "roster");
            Objects.requireNonNull(date, "date");
        }
    }

    public RosterChange {
        saves = List.copyOf(saves);
        removals = List.copyOf(removals);
        Objects.requireNonNull(audit, "audit");
        if (saves.isEmpty() && removals.isEmpty()) {
            throw new IllegalArgumentException("a roster change saves or removes at least one override");
        }
    }

    public static RosterChange save(DutyOverride o, AuditEntry audit) {
        return new RosterChange(List.of(o), List.of(), audit);
    }

    public static RosterChange remove(String roster, LocalDate date, AuditEntry audit) {
        return new RosterChange(List.of(), List.of(new Day(roster, date)), audit);
    }
}
