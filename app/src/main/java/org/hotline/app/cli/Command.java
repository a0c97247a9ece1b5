package org.hotline.app.cli;

import java.util.List;
import org.hotline.app.config.ConfigException;

/**
 * One sub-command of {@code hotline.jar}. A command writes its result as JSON on
 * {@code context.out()} and returns the exit code; it reports user-caused problems by throwing
 * ({@link UsageException}, {@link ConfigException}), which {@link CommandLine} prints on
 * stderr with exit code 2.
 */
public interface Command {
    int OK = 0;
    int INTERNAL_ERROR = 1;
    int BAD_INPUT = 2;

    /** The name typed on the command line. */
    String name();

    /** One line for the overview. */
    String summary();

    /** The full help text printed by {@code --help}. */
    String usage();

    /** Runs the command with its arguments (without the command name). */
    int run(List<String> args, CommandContext context) throws UsageException, ConfigException;
}
