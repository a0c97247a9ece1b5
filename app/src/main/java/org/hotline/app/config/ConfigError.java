package org.hotline.app.config;

import java.util.Objects;

/**
 * One problem in a configuration source, rendered the way compilers report errors:
 * {@code FILE:LINE: PATH: what is wrong; expected ...}.
 *
 * @param source  the file as the user named it (or a description of a built-in resource)
 * @param line    1-based line in {@code source}, or 0 when the parser could not tell
 * @param path    the field path, such as {@code lines[1].ring-seconds.a}; empty for the whole file
 * @param message what is wrong and what was expected
 */
public record ConfigError(String source, int line, String path, String message) {
    public ConfigError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or positive, got " + line);
        }
    }

    /** The one-line form printed on stderr. */
    public String render() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
