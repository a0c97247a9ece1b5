package org.hotline.app.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.calendar.IcsFormatException;
import org.hotline.domain.calendar.IcsHolidayReader;
import org.hotline.domain.config.Holiday;
import org.hotline.domain.config.HolidayFile;

/**
 * Reads the iCalendar files named in {@code calendar.holiday-files}: resolves each path against
 * the configuration file's directory, reads it as strict UTF-8 and hands the text to the routing
 * module's {@link IcsHolidayReader}. A problem inside a file is reported as
 * {@code ICS-FILE:LINE: calendar.holiday-files[i]: message}. One instance per load.
 */
final class HolidayFileReader implements CalendarSectionReader.HolidayFiles {
    private static final int MAX_BYTES = 1 << 20;

    private final Optional<Path> baseDirectory;
    private final IcsHolidayReader ics = new IcsHolidayReader();

    /** @param baseDirectory the configuration file's directory; empty for a configuration without a file */
    HolidayFileReader(Optional<Path> baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    @Override
    public HolidayFile read(YamlNode node) {
        String written = node.matching(java.util.regex.Pattern.compile("\\S(.*\\S)?"), "the path of an .ics file");
        if (baseDirectory.isEmpty()) {
            throw node.fail("holiday files need a configuration file on disk to be resolved against; "
                    + "expected the built-in example to have none");
        }
        Path file;
        try {
            file = baseDirectory.get().resolve(written).normalize();
        } catch (InvalidPathException e) {
            throw node.fail("expected the path of an .ics file, got " + YamlNode.quote(written));
        }
        String shown = file.toString();
        String content;
        try {
            if (Files.isDirectory(file)) {
                throw node.fail("holiday file " + shown + " is a directory; expected an .ics file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw node.fail("holiday file " + shown + " has more than " + MAX_BYTES
                        + " bytes; expected a small .ics file");
            }
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw node.fail("holiday file " + shown + " does not exist; expected a path relative to the "
                    + "configuration file");
        } catch (CharacterCodingException e) {
            throw node.fail("holiday file " + shown + " is not valid UTF-8; expected it saved as UTF-8");
        } catch (IOException e) {
            throw node.fail("holiday file " + shown + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            List<Holiday> holidays = ics.read(content);
            return new HolidayFile(written, holidays);
        } catch (IcsFormatException e) {
            String prefix = "line " + e.lineNumber() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            node.source().errorIn(shown, e.lineNumber(), node.path(), message);
            throw new YamlNode.Invalid();
        } catch (IllegalArgumentException e) {
            throw node.fail("holiday file " + shown + ": " + e.getMessage());
        }
    }
}
