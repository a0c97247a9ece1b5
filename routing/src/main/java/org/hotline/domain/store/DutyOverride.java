package org.hotline.domain.store;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.roster.RosterSlot;

/**
 * A roster override saved through the panel (a swap, leave, a changed lunch turn): on duty day
 * {@code date} of {@code roster}, the after-hours duty slot is {@code dutyA} (primary) and
 * {@code dutyB} (backup), the lunch slot {@code lunchA} and {@code lunchB}. A slot whose A is
 * {@code null} is not overridden (the file's override or the rotation fills it); a B may be
 * {@code null} with its A given. Person ids are the configuration's {@code people[].id}. The panel
 * lays these over the file's {@link org.hotline.domain.config.RosterOverride}s of the same roster
 * and day, slot by slot. Immutable; a {@code null} note is stored as empty, blank ids as {@code null}.
 */
public record DutyOverride(String roster, LocalDate date, String dutyA, String dutyB, String lunchA, String lunchB,
        String note) {
    public DutyOverride {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(date, "date");
        dutyA = blankToNull(dutyA);
        dutyB = blankToNull(dutyB);
        lunchA = blankToNull(lunchA);
        lunchB = blankToNull(lunchB);
        note = note == null ? "" : note;
    }

    /** An override of the after-hours duty slot only. */
    public DutyOverride(String roster, LocalDate date, String dutyA, String dutyB, String note) {
        this(roster, date, dutyA, dutyB, null, null, note);
    }

    /** The overridden pair of {@code slot}, empty when this override leaves it to the file and rotation. */
    public Optional<DutyPair> pair(RosterSlot slot) {
        String a = slot == RosterSlot.DUTY ? dutyA : lunchA;
        String b = slot == RosterSlot.DUTY ? dutyB : lunchB;
        return a == null ? Optional.empty() : Optional.of(new DutyPair(a, Optional.ofNullable(b)));
    }

    /** This override with {@code slot} set to {@code pair} (the other slot and the note kept). */
    public DutyOverride with(RosterSlot slot, DutyPair pair, String note) {
        String a = pair.a();
        String b = pair.b().orElse(null);
        return slot == RosterSlot.DUTY ? new DutyOverride(roster, date, a, b, lunchA, lunchB, note)
                : new DutyOverride(roster, date, dutyA, dutyB, a, b, note);
    }

    /** {@code roster/date}: the override's key, as the audit trail names it. */
    public String key() {
        return roster + "/" + date;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
