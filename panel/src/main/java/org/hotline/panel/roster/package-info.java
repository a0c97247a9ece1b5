/**
 * Roster overrides saved through the panel: checked against the configuration
 * ({@code ConfigRosterOverrideValidator}) and laid over it ({@code RosterOverlay}).
 */
package org.hotline.panel.roster;
