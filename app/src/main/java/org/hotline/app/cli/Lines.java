package org.hotline.app.cli;

import java.util.stream.Collectors;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;

/** The {@code --line} option: a line id of the configuration. */
final class Lines {
    private Lines() {}

    static LineConfig find(HotlineConfig config, String id) throws UsageException {
        return config.line(id).orElseThrow(() -> UsageException.badInput("unknown line " + Text.quote(id)
                + "; expected one of: " + config.lines().stream().map(LineConfig::id).collect(Collectors.joining(", "))));
    }
}
