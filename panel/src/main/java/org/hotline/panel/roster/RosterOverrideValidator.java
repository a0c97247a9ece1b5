package org.hotline.panel.roster;

import java.util.List;

/**
 * Checks an override before it is saved; returns the problems in words (empty = valid). This is
 * the seam for the routing module's configuration validator: the app passes one that runs the
 * same checks as {@code check-config} (for example "no after-hours period without duty manager
 * A in the next 14 days"). {@link BasicRosterOverrideValidator} checks what the panel can know.
 */
@FunctionalInterface
public interface RosterOverrideValidator {
    List<String> problems(RosterOverride override);
}
