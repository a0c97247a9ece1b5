package org.hotline.panel.roster;

import org.hotline.domain.store.DutyOverride;
import java.util.List;

/**
 * Checks an override before it is saved; returns the problems in words (empty = valid). This is
 * the seam for the routing module's configuration validator: the app passes one that runs the
 * same checks as {@code check-config} (for example "no after-hours period without duty manager
 * A in the next 14 days"). {@link ConfigRosterOverrideValidator} checks them against the loaded configuration.
 */
@FunctionalInterface
public interface RosterOverrideValidator {
    List<String> problems(DutyOverride override);
}
