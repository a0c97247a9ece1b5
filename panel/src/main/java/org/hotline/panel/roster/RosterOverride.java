package org.hotline.panel.roster;

import java.time.LocalDate;

/**
 * A dated override of a roster's after-hours duty slot (a swap or leave), as in the
 * configuration's {@code rosters.<id>.overrides}: on duty day {@code date}, {@code dutyA} is
 * primary and {@code dutyB} (may be {@code null}) the backup. Person ids are the configuration's
 * {@code people[].id}.
 */
public record RosterOverride(String roster, LocalDate date, String dutyA, String dutyB, String note) {}
