package org.hotline.ivr.pbx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.config.LineConfig;

/**
 * Finds what the connected Asterisk lacks for this configuration, over nothing but AMI
 * {@code Getvar} (the least-privilege {@code hotline} user of {@code asterisk-config/manager.conf}
 * may do that): every prompt a line names ({@code lines[].prompts}) that is no sound file, and
 * whether the directory the flow records callers' messages into exists as a directory with
 * write permission.
 *
 * <p>Asterisk's sounds directory is {@code <astdatadir>/sounds}, {@code astdatadir} read with
 * {@code AST_CONFIG(asterisk.conf,directories,astdatadir)} (func_config), else Debian's
 * {@value #DEFAULT_DATA_DIR}. A prompt is found when {@code STAT(e,...)} (func_env) is true for
 * {@code <sounds>/<language>/<file>.<format>} or {@code <sounds>/<file>.<format>} for one of
 * {@link #FORMATS} (an absolute file name is looked up as it is). Asterisk answers STAT() to AMI
 * only with func_env loaded and {@code live_dangerously = yes} (it counts STAT among the functions
 * external clients may not run by default); otherwise nothing can be told and the check says
 * so, as its one warning. Stateless; thread-safe.
 */
public final class PbxCheck {
    /** Where a Debian Asterisk keeps its data (sounds under it) when asterisk.conf does not say. */
    public static final String DEFAULT_DATA_DIR = "/usr/share/asterisk";
    /** The sound formats a prompt may be recorded in, as Asterisk's format modules name the files. */
    public static final List<String> FORMATS = List.of("wav", "gsm", "sln", "ulaw", "alaw", "g722", "WAV", "wav16", "sln16");

    private final List<LineConfig> lines;
    private final String recordingDirectory;
    private final String language;

    /**
     * @param lines              the configured lines and their prompts
     * @param recordingDirectory where the flow records messages, relative to the sounds directory
     * @param language           the channel language prompts are played in ({@code en})
     */
    public PbxCheck(List<LineConfig> lines, String recordingDirectory, String language) {
        this.lines = List.copyOf(lines);
        this.recordingDirectory = recordingDirectory;
        this.language = language;
    }

    /** What the PBX lacks, in configuration order; empty when it has everything. */
    public List<PbxWarning> run(PbxVariables pbx) throws IOException {
        List<PbxWarning> warnings = new ArrayList<>();
        String sounds = dataDir(pbx) + "/sounds";
        if (pbx.get("STAT(e," + sounds + ")").isEmpty()) {
            warnings.add(new PbxWarning(null, null, sounds, "Asterisk does not answer STAT() over AMI, so the prompts "
                    + "and the recordings directory cannot be checked: load func_env.so, and allow it to AMI with "
                    + "asterisk.conf [options] live_dangerously = yes (Asterisk's log says 'Dangerous function STAT "
                    + "read blocked'); see asterisk-config/README.md, Checking the PBX"));
            return warnings;
        }
        for (LineConfig line : lines) {
            for (Map.Entry<String, String> p : line.prompts().entrySet()) {
                if (!soundExists(pbx, sounds, p.getValue())) {
                    warnings.add(new PbxWarning(line.id(), p.getKey(), p.getValue(), "no such sound file on the PBX "
                            + "(looked for " + String.join("/", FORMATS) + " in " + sounds + "/" + language + " and "
                            + sounds + "); the flow plays the core sound instead. Record it (asterisk-config/README.md, "
                            + "Prompts) or remove it from the line's prompts"));
                }
            }
        }
        String dir = recordingDirectory.startsWith("/") ? recordingDirectory : sounds + "/" + recordingDirectory;
        if (!isTrue(pbx.get("STAT(d," + dir + ")"))) {
            warnings.add(new PbxWarning(null, null, dir, "does not exist on the PBX: callers' messages cannot be "
                    + "recorded there. Create it, writable by Asterisk: install -d -o asterisk -g asterisk " + dir));
        } else {
            Optional<Integer> mode = pbx.get("STAT(m," + dir + ")").flatMap(PbxCheck::octal);
            if (mode.isPresent() && (mode.get() & 0222) == 0) {
                warnings.add(new PbxWarning(null, null, dir, "is not writable (mode " + Integer.toOctalString(mode.get())
                        + "): callers' messages cannot be recorded there. chown asterisk " + dir + " and chmod u+w"));
            }
        }
        return warnings;
    }

    private boolean soundExists(PbxVariables pbx, String sounds, String file) throws IOException {
        List<String> bases = file.startsWith("/") ? List.of(file) : List.of(sounds + "/" + language + "/" + file,
                sounds + "/" + file);
        for (String base : bases) {
            for (String format : FORMATS) {
                if (isTrue(pbx.get("STAT(e," + base + "." + format + ")"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String dataDir(PbxVariables pbx) throws IOException {
        return pbx.get("AST_CONFIG(asterisk.conf,directories,astdatadir)").map(String::strip)
                .filter(d -> d.startsWith("/")).map(d -> d.endsWith("/") ? d.substring(0, d.length() - 1) : d)
                .orElse(DEFAULT_DATA_DIR);
    }

    private static boolean isTrue(Optional<String> v) {
        return v.map(String::strip).filter("1"::equals).isPresent();
    }

    private static Optional<Integer> octal(String v) {
        try {
            return Optional.of(Integer.parseInt(v.strip(), 8));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
