package org.hotline.domain.validation;

import java.util.Objects;

/**
 * One semantic problem in the configuration. {@code path} is the YAML key path
 * (kebab-case keys as in the file, list indexes in brackets, e.g.
 * {@code rosters.main.rotation.weeks[0].monday.duty[0]}); when the path names a key the file
 * leaves out (a missing weekday, say), the loader shows the nearest ancestor's line.
 */
public record ConfigProblem(String path, String message) {
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
