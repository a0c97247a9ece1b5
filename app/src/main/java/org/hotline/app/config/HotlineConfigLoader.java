package org.hotline.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.validation.ConfigValidator;
import org.hotline.panel.PanelConfig;
import org.hotline.storage.StorageConfig;

/**
 * Loads the hotline's YAML configuration: reads the file strictly (every problem reported as
 * {@code FILE:LINE: PATH: message}, as many as can be found in one run), builds the routing
 * module's {@link HotlineConfig} and the service sections, then runs the routing module's
 * semantic validator and maps each of its problems back to the line of its path.
 *
 * <p>{@code calendar.holiday-files} are resolved against the configuration file's directory.
 * The clock fixes "today" for the check that after-hours duty has a manager A in the next 14
 * days. Thread-safe: every load has its own state.
 */
public final class HotlineConfigLoader {
    /** The shipped example configuration, inside the jar. */
    public static final String BUILT_IN_RESOURCE = "/org/hotline/app/hotline.example.yaml";
    /** How the built-in example is named in messages. */
    public static final String BUILT_IN_NAME = "hotline.example.yaml (built-in)";

    static final Set<String> TOP_LEVEL_KEYS = Set.of("timezone", "calendar", "people", "rosters",
            "deadline-policies", "lines", "asterisk", "storage", "panel", "surveys", "notifications");

    private final Clock clock;

    public HotlineConfigLoader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads {@code file}; in messages it is named as given ({@code file.toString()}).
     *
     * @throws ConfigException with every problem found, when the file cannot be read or used
     */
    public LoadedConfig load(Path file) throws ConfigException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(new ConfigError(name, 0, "", "is a directory; expected a YAML file"));
            }
            if (Files.size(file) > YamlSource.MAX_BYTES) {
                throw new ConfigException(new ConfigError(name, 0, "", "the file has " + Files.size(file)
                        + " bytes; expected at most " + YamlSource.MAX_BYTES + " bytes for a configuration file"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "no such file; expected a YAML configuration "
                    + "file (see config/hotline.example.yaml)"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")"));
        }
        return load(name, bytes, Optional.of(file));
    }

    /** Loads the example configuration shipped in the jar. */
    public LoadedConfig loadBuiltInExample() throws ConfigException {
        try (InputStream in = HotlineConfigLoader.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in example " + BUILT_IN_RESOURCE
                        + " is missing from the class path; the build copies it from config/");
            }
            return load(BUILT_IN_NAME, in.readAllBytes(), Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in example " + BUILT_IN_RESOURCE, e);
        }
    }

    /**
     * Loads configuration text. {@code file} (when present) is where holiday files are resolved
     * from; {@code sourceName} names the text in messages.
     */
    public LoadedConfig load(String sourceName, byte[] content, Optional<Path> file) throws ConfigException {
        YamlSource source = new YamlSource(sourceName);
        YamlNode root = source.parse(content);
        try {
            root.requireOnly(TOP_LEVEL_KEYS);
        } catch (YamlNode.Invalid e) {
            source.throwIfErrors();
        }

        HolidayFileReader holidayFiles = new HolidayFileReader(file.map(HotlineConfigLoader::directoryOf));
        DomainSectionReader domain = new DomainSectionReader(new CalendarSectionReader(holidayFiles));
        ServiceSectionReader service = new ServiceSectionReader();
        HotlineConfig hotline = attempt(() -> domain.read(root));
        AsteriskSection asterisk = attempt(() -> service.asterisk(root.get("asterisk")));
        StorageConfig storage = attempt(() -> service.storage(root.get("storage")));
        PanelConfig panel = attempt(() -> service.panel(root.get("panel")));
        SurveySection surveys = attempt(() -> new SurveySectionReader(service).surveys(root.get("surveys")));
        NotificationSection notifications = attempt(() -> new NotificationSectionReader()
                .notifications(root.get("notifications")));
        source.throwIfErrors();
        if (hotline == null || asterisk == null || storage == null || panel == null || surveys == null
                || notifications == null) {
            throw new IllegalStateException("a section of " + sourceName + " failed without a recorded problem");
        }

        LocalDate today = LocalDate.now(clock.withZone(hotline.zone()));
        new SemanticCheck(config -> new ConfigValidator().validate(config, today)).check(hotline, source);
        source.throwIfErrors();
        return new LoadedConfig(sourceName, file, countLines(content), hotline, asterisk, storage, panel, surveys,
                notifications);
    }

    private static Path directoryOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    private static <T> T attempt(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (YamlNode.Invalid e) {
            return null;
        }
    }

    private static int countLines(byte[] content) {
        int lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return content.length > 0 && content[content.length - 1] != '\n' ? lines + 1 : lines;
    }
}
