package org.hotline.app.cli;

import java.util.List;
import java.util.Set;
import org.hotline.app.config.ConfigException;
import org.hotline.app.config.LoadedConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.storage.StorageConfig;

/**
 * {@code run [--config FILE]}, the default command: loads the configuration (the built-in
 * example when no file is given), prints a one-line JSON summary and hands the configuration
 * to the {@link HotlineService}.
 */
final class RunCommand implements Command {

    /** The summary printed before the service starts. */
    record Summary(String status, String config, String zone, List<String> lines, String agi, String panel,
            String storage) {}

    private final HotlineService service;

    public RunCommand(HotlineService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "start the service (the default command)";
    }

    @Override
    public String usage() {
        return "usage: java -jar hotline.jar run [--config FILE]\n\n" + ConfigFile.HELP + "\n";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("config"), Set.of(), 0);
        LoadedConfig config = ConfigFile.load(arguments.option("config"), context.clock());
        StorageConfig storage = config.storage();
        JsonOutput.print(context.out(), new Summary("loaded", config.source(), config.hotline().zone().getId(),
                config.hotline().lines().stream().map(LineConfig::id).toList(),
                config.asterisk().agi().bindAddress() + ":" + config.asterisk().agi().port(),
                config.panel().bindHost() + ":" + config.panel().port(),
                storage.postgresUrl() != null ? "external" : "embedded in " + storage.dataDir()));
        try {
            return service.serve(config, context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the service failed: " + e.getMessage(), e);
        }
    }
}
