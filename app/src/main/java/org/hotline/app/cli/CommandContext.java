package org.hotline.app.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What a command may touch: its output streams (JSON on {@code out}, messages on {@code err})
 * and the clock. {@code Main} passes the real ones; tests pass buffers and a fixed clock.
 */
public record CommandContext(PrintStream out, PrintStream err, Clock clock) {
    public CommandContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }
}
