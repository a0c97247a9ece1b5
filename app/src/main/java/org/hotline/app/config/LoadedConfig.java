package org.hotline.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.panel.PanelConfig;
import org.hotline.storage.StorageConfig;

/**
 * A configuration file that was read and validated: the routing module's {@link HotlineConfig}
 * plus the sections that configure the service around it. Immutable.
 *
 * @param source the name used in messages: the path as given, or the built-in example's name
 * @param file   the file it came from; empty for the built-in example
 * @param lines  the number of lines of the source
 */
public record LoadedConfig(
        String source,
        Optional<Path> file,
        int lines,
        HotlineConfig hotline,
        AsteriskSection asterisk,
        StorageConfig storage,
        PanelConfig panel,
        SurveySection surveys,
        NotificationSection notifications) {

    public LoadedConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(asterisk, "asterisk");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(surveys, "surveys");
        Objects.requireNonNull(notifications, "notifications");
    }
}
