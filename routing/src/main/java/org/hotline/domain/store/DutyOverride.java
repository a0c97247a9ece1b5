package org.hotline.domain.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A roster override saved through the panel (a swap or leave): on duty day {@code date} of
 * {@code roster}, {@code dutyA} is primary and {@code dutyB} (may be {@code null}) the backup.
 * Person ids are the configuration's {@code people[].id}. The panel lays these over the file's
 * {@link org.hotline.domain.config.RosterOverride}s (which may also change the lunch slot) of the
 * same roster and day. Immutable; a {@code null} note is stored as empty.
 */
public record DutyOverride(String roster, LocalDate date, String dutyA, String dutyB, String note) {
    public DutyOverride {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dutyA, "dutyA");
        note = note == null ? "" : note;
    }
}
