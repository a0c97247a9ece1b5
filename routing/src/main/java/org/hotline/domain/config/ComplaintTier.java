package org.hotline.domain.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tiers of complaint line an organisation may run so that a caller can escalate past a site
 * that did not help: the project (site) line, the area line, the company line. Configuration
 * {@code lines[].tier}; a caller's ticket on a higher tier is linked to their earlier one on a
 * lower tier ({@link org.hotline.domain.ticket.LinkReason#ESCALATION}).
 */
public enum ComplaintTier {
    /** the site's own complaint line, the first tier */
    PROJECT,
    /** the area office's line, above the projects */
    AREA,
    /** the company's line, the last tier */
    COMPANY;

    /** The configuration name ({@code project}, {@code area}, {@code company}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a caller escalates when going from a line of this tier to one of {@code higher}. */
    public boolean below(ComplaintTier higher) {
        return ordinal() < higher.ordinal();
    }

    /** The tier a caller escalates to from this one, empty from the company line. */
    public Optional<ComplaintTier> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** Parses a configuration name; the message names the accepted values. */
    public static ComplaintTier parse(String name) {
        for (ComplaintTier t : values()) {
            if (t.configName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.stream(values()).map(ComplaintTier::configName)
                .collect(Collectors.joining(", ")) + ", got '" + name + "'");
    }
}
