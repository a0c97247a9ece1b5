package org.hotline.app;

import java.time.Clock;
import java.util.List;
import org.hotline.app.cli.CheckConfigCommand;
import org.hotline.app.cli.CommandContext;
import org.hotline.app.cli.CommandLine;
import org.hotline.app.cli.HotlineService;
import org.hotline.app.cli.RunCommand;

/**
 * Entry point of {@code hotline.jar}: the only place that touches {@code System.out/err},
 * the system clock and {@code System.exit}. See {@link CommandLine} for the exit codes.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(List.of(
                new RunCommand(HotlineService.configurationOnly()),
                new CheckConfigCommand()));
        int code = commandLine.run(args, new CommandContext(System.out, System.err, Clock.systemDefaultZone()));
        System.exit(code);
    }
}
