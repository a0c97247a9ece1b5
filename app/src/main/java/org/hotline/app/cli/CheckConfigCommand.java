package org.hotline.app.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.app.config.ConfigException;
import org.hotline.app.config.HotlineConfigLoader;
import org.hotline.app.config.LoadedConfig;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.flow.DialTemplate;
import org.hotline.ivr.flow.HotlineFlowConfig;
import org.hotline.ivr.pbx.AmiPbxVariables;
import org.hotline.ivr.pbx.PbxCheck;
import org.hotline.ivr.pbx.PbxWarning;

/**
 * {@code check-config [--pbx] FILE}: loads and validates a configuration file and prints a
 * summary; every problem goes to stderr as {@code FILE:LINE: PATH: message}, exit code 2. With
 * {@code --pbx} it also logs in to the configured AMI (the least-privilege user) and lists what
 * the connected Asterisk lacks ({@link PbxCheck}): each missing prompt and a missing or
 * unwritable recordings directory, as warnings on stderr and in {@code pbx} (exit code 0; 1 when
 * AMI cannot be reached or refuses the login).
 */
final class CheckConfigCommand implements Command {

    /** The JSON printed on success. {@code lines} counts the hotline lines, {@code sourceLines} the file's. */
    record Result(boolean ok, String file, int lines, List<String> lineIds, String zone, int people,
            List<String> rosters, List<String> deadlinePolicies, int holidays, int sourceLines, Pbx pbx, List<Pbx> pbxs) {}

    /**
     * What {@code --pbx} found on one PBX: the AMI it asked and one entry per thing the PBX lacks.
     * {@code pbx} is the first PBX of {@code asterisk.ami}, {@code pbxs} every one in order.
     */
    record Pbx(String ami, List<Warning> warnings) {}

    /** One thing the PBX lacks; {@code line} and {@code prompt} are null for the recordings directory. */
    record Warning(String line, String prompt, String file, String warning) {}

    /** Where the flow records callers' messages, relative to Asterisk's sounds directory. */
    static String recordingDirectory() {
        return HotlineFlowConfig.defaults(new DialTemplate("X/{number}"), Clock.systemUTC(), Map.of()).recordingDirectory();
    }

    @Override
    public String name() {
        return "check-config";
    }

    @Override
    public String summary() {
        return "validate a configuration file and print a summary (--pbx: and what the PBX lacks)";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar hotline.jar check-config [--pbx] FILE

                Reads FILE strictly and prints {"ok":true,...} on stdout, or every problem on stderr
                as FILE:LINE: PATH: message (exit code 2).

                --pbx  also log in to asterisk.ami and list, as warnings (on stderr and in "pbx"),
                       every prompt of lines[].prompts the connected Asterisk lacks, and whether the
                       recordings directory exists and is writable. Exit code 1 when AMI cannot be
                       reached or refuses the login.
                """;
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        Arguments arguments = Arguments.parse(name(), args, Set.of(), Set.of("pbx"), 1);
        if (arguments.positional().isEmpty()) {
            throw UsageException.usage("check-config needs the configuration FILE");
        }
        LoadedConfig loaded = new HotlineConfigLoader(context.clock())
                .load(ConfigFile.toPath(arguments.positional().get(0)));
        HotlineConfig config = loaded.hotline();
        List<Pbx> pbxs = new ArrayList<>();
        if (arguments.flag("pbx")) {
            if (loaded.asterisk().ami().isEmpty()) {
                throw UsageException.usage("--pbx needs asterisk.ami in " + loaded.source() + " (host, port, username, secret)");
            }
            boolean several = loaded.asterisk().ami().size() > 1;
            for (AmiConfig ami : loaded.asterisk().ami()) {
                String address = ami.host() + ":" + ami.port();
                try (AmiPbxVariables variables = AmiPbxVariables.login(ami.host(), ami.port(), ami.username(), ami.secret())) {
                    List<PbxWarning> found = new PbxCheck(config.lines(), recordingDirectory(), "en").run(variables);
                    for (PbxWarning w : found) {
                        context.err().println(loaded.source() + ": warning: " + (several ? address + ": " : "") + w.text());
                    }
                    pbxs.add(new Pbx(address, found.stream()
                            .map(w -> new Warning(w.line(), w.prompt(), w.file(), w.text())).toList()));
                } catch (IOException e) {
                    context.err().println("hotline: check-config --pbx: " + (several ? address + ": " : "") + e.getMessage());
                    return INTERNAL_ERROR;
                }
            }
        }
        JsonOutput.print(context.out(), new Result(true, loaded.source(), config.lines().size(),
                config.lines().stream().map(LineConfig::id).toList(), config.zone().getId(),
                config.people().size(),
                config.rosters().stream().map(r -> r.id()).toList(),
                config.deadlinePolicies().stream().map(p -> p.id()).toList(),
                config.calendar().allHolidays().size(), loaded.lines(), pbxs.isEmpty() ? null : pbxs.get(0),
                pbxs.isEmpty() ? null : pbxs));
        return OK;
    }
}
