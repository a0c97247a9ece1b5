package org.hotline.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.hotline.app.cli.CommandContext;
import org.hotline.app.cli.CommandLine;
import org.hotline.app.service.HotlineServer;

/**
 * Entry point of {@code hotline.jar}: the only place that touches {@code System.out/err},
 * the system clock and {@code System.exit}. See {@link CommandLine} for the exit codes.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        HotlineServer server = new HotlineServer(Optional.ofNullable(System.getenv("HOTLINE_ADMIN_PASSWORD")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stopAndWait(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hotline-shutdown"));
        CommandLine commandLine = CommandLine.standard(server);
        int code = commandLine.run(args, new CommandContext(System.out, System.err, Clock.systemDefaultZone()));
        System.exit(code);
    }
}
