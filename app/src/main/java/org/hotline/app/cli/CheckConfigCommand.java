package org.hotline.app.cli;

import java.util.List;
import java.util.Set;
import org.hotline.app.config.ConfigException;
import org.hotline.app.config.HotlineConfigLoader;
import org.hotline.app.config.LoadedConfig;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;

/**
 * {@code check-config FILE}: loads and validates a configuration file and prints a summary;
 * every problem goes to stderr as {@code FILE:LINE: PATH: message}, exit code 2.
 */
final class CheckConfigCommand implements Command {

    /** The JSON printed on success. {@code lines} counts the hotline lines, {@code sourceLines} the file's. */
    record Result(boolean ok, String file, int lines, List<String> lineIds, String zone, int people,
            List<String> rosters, List<String> deadlinePolicies, int holidays, int sourceLines) {}

    @Override
    public String name() {
        return "check-config";
    }

    @Override
    public String summary() {
        return "validate a configuration file and print a summary";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar hotline.jar check-config FILE

                Reads FILE strictly and prints {"ok":true,...} on stdout, or every problem on stderr
                as FILE:LINE: PATH: message (exit code 2).
                """;
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        Arguments arguments = Arguments.parse(name(), args, Set.of(), Set.of(), 1);
        if (arguments.positional().isEmpty()) {
            throw UsageException.usage("check-config needs the configuration FILE");
        }
        LoadedConfig loaded = new HotlineConfigLoader(context.clock())
                .load(ConfigFile.toPath(arguments.positional().get(0)));
        HotlineConfig config = loaded.hotline();
        JsonOutput.print(context.out(), new Result(true, loaded.source(), config.lines().size(),
                config.lines().stream().map(LineConfig::id).toList(), config.zone().getId(),
                config.people().size(),
                config.rosters().stream().map(r -> r.id()).toList(),
                config.deadlinePolicies().stream().map(p -> p.id()).toList(),
                config.calendar().allHolidays().size(), loaded.lines()));
        return OK;
    }
}
