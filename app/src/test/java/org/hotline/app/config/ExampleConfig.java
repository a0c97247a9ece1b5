package org.hotline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The shipped example, and edits of it for tests that need one thing wrong. */
public final class ExampleConfig {
    /** A clock inside the example's rotation and holidays: Tuesday 2026-11-24 10:00 in Shanghai. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private ExampleConfig() {}

    /** The text of config/hotline.example.yaml, as the build copied it into the jar. */
    public static String text() {
        try (InputStream in = ExampleConfig.class.getResourceAsStream(HotlineConfigLoader.BUILT_IN_RESOURCE)) {
            assertThat(in).as("built-in example on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with its only occurrence of {@code from} replaced by {@code to}. */
    public static String replace(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("occurrence of %s", from).isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(from, at + 1)).as("second occurrence of %s", from).isEqualTo(-1);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** The 1-based line of the only occurrence of {@code needle}. */
    public static int line(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("occurrence of %s", needle).isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(needle, at + 1)).as("second occurrence of %s", needle).isEqualTo(-1);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
