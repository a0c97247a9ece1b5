package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;

/**
 * How long each forward target rings before the next is tried. The allowed range
 * {@value #MIN}..{@value #MAX} is checked by {@link ConfigValidator}.
 */
public record RingSeconds(int a, int b) {
    public static final int MIN = 5;
    public static final int MAX = 120;
}
