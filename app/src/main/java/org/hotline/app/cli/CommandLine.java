package org.hotline.app.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.app.config.ConfigError;
import org.hotline.app.config.ConfigException;

/**
 * Dispatches {@code hotline.jar [COMMAND] [ARGS...]} to one {@link Command} and turns what it
 * throws into messages and exit codes: 0 success, 2 bad input or bad configuration (messages
 * on stderr), 1 internal failure. With no command, {@code run} is used. Holds no state between
 * calls; thread-safe if its commands are.
 */
public final class CommandLine {
    private static final String DEFAULT_COMMAND = "run";

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandLine(List<Command> commands) {
        for (Command command : commands) {
            if (this.commands.put(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.name());
            }
        }
        if (!this.commands.containsKey(DEFAULT_COMMAND)) {
            throw new IllegalArgumentException("the default command " + DEFAULT_COMMAND + " is missing");
        }
    }

    /** Every command of {@code hotline.jar}; {@code run} hands the loaded configuration to {@code service}. */
    public static CommandLine standard(HotlineService service) {
        return new CommandLine(List.of(
                new RunCommand(service),
                new CheckConfigCommand(),
                new RouteCommand(),
                new DeadlineCommand(),
                new RosterCommand(),
                new SimulateCallCommand(),
                new UserCommand()));
    }

    /** Runs the command named by {@code args[0]} (or {@code run}) and returns the exit code. */
    public int run(String[] args, CommandContext context) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.isEmpty() && (rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help"))) {
            context.out().print(overview());
            return Command.OK;
        }
        String name = rest.isEmpty() || rest.get(0).startsWith("-") ? DEFAULT_COMMAND : rest.remove(0);
        Command command = commands.get(name);
        if (command == null) {
            context.err().println("hotline: unknown command " + Text.quote(name));
            context.err().print(overview());
            return Command.BAD_INPUT;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            context.out().print(command.usage());
            return Command.OK;
        }
        try {
            return command.run(rest, context);
        } catch (UsageException e) {
            context.err().println("hotline " + name + ": " + e.getMessage());
            if (e.showUsage()) {
                context.err().print(command.usage());
            }
            return Command.BAD_INPUT;
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                context.err().println(error.render());
            }
            int count = e.errors().size();
            context.err().println("hotline " + name + ": the configuration has " + count
                    + (count == 1 ? " problem" : " problems"));
            return Command.BAD_INPUT;
        } catch (ServiceStartException e) {
            context.err().println("hotline " + name + ": cannot start: " + e.getMessage());
            return Command.INTERNAL_ERROR;
        } catch (RuntimeException e) {
            context.err().println("hotline " + name + ": internal error, please report it: " + e);
            e.printStackTrace(context.err());
            return Command.INTERNAL_ERROR;
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** The list of commands, for {@code --help} and unknown commands. */
    public String overview() {
        StringBuilder text = new StringBuilder("usage: java -jar hotline.jar [COMMAND] [OPTIONS]\n\ncommands:\n");
        commands.values().forEach(c -> text.append(String.format("  %-14s %s%n", c.name(), c.summary())));
        text.append("\nWith no command, run is used. COMMAND --help shows a command's options.\n"
                + "Exit codes: 0 success, 2 bad input or configuration, 1 internal error.\n");
        return text.toString();
    }
}
