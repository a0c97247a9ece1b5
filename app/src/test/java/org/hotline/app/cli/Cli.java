package org.hotline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hotline.app.config.ExampleConfig;

/** Runs {@code hotline.jar}'s command line in-process with captured streams and a pinned clock. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("stdout is not JSON: " + out, e);
            }
        }
    }

    private Cli() {}

    static Result run(String... args) {
        return run(HotlineService.configurationOnly(), args);
    }

    static Result run(HotlineService service, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLine.standard(service).run(args, new CommandContext(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ExampleConfig.CLOCK));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
