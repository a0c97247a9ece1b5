package org.hotline.app.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.hotline.app.config.ConfigException;
import org.hotline.app.config.HotlineConfigLoader;
import org.hotline.app.config.LoadedConfig;

/** The {@code --config FILE} option shared by the commands: a file, or the built-in example. */
final class ConfigFile {
    static final String HELP = "  --config FILE   the YAML configuration (default: the example built into the jar)";

    private ConfigFile() {}

    static LoadedConfig load(Optional<String> path, Clock clock) throws ConfigException, UsageException {
        HotlineConfigLoader loader = new HotlineConfigLoader(clock);
        if (path.isEmpty()) {
            return loader.loadBuiltInExample();
        }
        return loader.load(toPath(path.get()));
    }

    static Path toPath(String text) throws UsageException {
        if (text.isBlank()) {
            throw UsageException.usage("the configuration file name is empty");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw UsageException.usage("not a file name: " + Text.quote(text));
        }
    }
}
