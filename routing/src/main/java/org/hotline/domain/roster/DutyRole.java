package org.hotline.domain.roster;

/** The slot a forward target fills: after-hours duty or lunch duty, primary (A) or backup (B). */
public enum DutyRole {
    DUTY_A,
    DUTY_B,
    LUNCH_A,
    LUNCH_B
}
