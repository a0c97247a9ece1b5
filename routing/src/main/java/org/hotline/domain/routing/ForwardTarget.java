package org.hotline.domain.routing;

import org.hotline.domain.roster.DutyRole;

/**
 * One person a call is forwarded to. {@code number} always comes from configuration, never
 * from caller input.
 */
public record ForwardTarget(String personId, String name, String number, DutyRole role, int ringSeconds) {}
