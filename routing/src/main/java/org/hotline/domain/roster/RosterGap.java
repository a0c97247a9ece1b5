package org.hotline.domain.roster;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A slot with nobody on it: on duty day {@code date}, nobody fills {@code role}. Duty slots are
 * only reported for duty days that contain after-hours or closed time, lunch slots only for
 * duty days that contain a lunch window. {@code rotationWeek} locates the slot in the rotation.
 */
public record RosterGap(LocalDate date, DutyRole role, int rotationWeek) {
    public RosterGap {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(role, "role");
    }
}
