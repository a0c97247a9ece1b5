package org.hotline.app;

import java.time.Clock;
import org.hotline.app.cli.CommandContext;
import org.hotline.app.cli.CommandLine;
import org.hotline.app.cli.HotlineService;

/**
 * Entry point of {@code hotline.jar}: the only place that touches {@code System.out/err},
 * the system clock and {@code System.exit}. See {@link CommandLine} for the exit codes.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The seam for the composition root: the servers will be a HotlineService.
        CommandLine commandLine = CommandLine.standard(HotlineService.configurationOnly());
        int code = commandLine.run(args, new CommandContext(System.out, System.err, Clock.systemDefaultZone()));
        System.exit(code);
    }
}
