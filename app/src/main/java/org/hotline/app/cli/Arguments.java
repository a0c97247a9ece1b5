package org.hotline.app.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command: {@code --name value} or {@code --name=value} options, boolean
 * {@code --name} flags and positional arguments. Unknown, repeated or valueless options are
 * refused with a {@link UsageException}. Immutable.
 */
public final class Arguments {
    private final String command;
    private final Map<String, String> options;
    private final List<String> positional;

    private Arguments(String command, Map<String, String> options, List<String> positional) {
        this.command = command;
        this.options = Collections.unmodifiableMap(options);
        this.positional = List.copyOf(positional);
    }

    /**
     * Parses {@code args} for {@code command}.
     *
     * @param valued        options that take a value (without the leading dashes)
     * @param flags         options that take none
     * @param maxPositional how many positional arguments are allowed
     */
    public static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> flags,
            int maxPositional) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyPositional || !arg.startsWith("--")) {
                if (!onlyPositional && arg.startsWith("-") && arg.length() > 1) {
                    throw UsageException.usage("unknown option " + quote(arg) + " for " + command);
                }
                if (positional.size() == maxPositional) {
                    throw UsageException.usage("unexpected argument " + quote(arg) + " for " + command);
                }
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw UsageException.usage("option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw UsageException.usage("option --" + name + " takes no value");
                }
                value = "true";
            } else {
                throw UsageException.usage("unknown option " + quote("--" + name) + " for " + command);
            }
            if (options.put(name, value) != null) {
                throw UsageException.usage("option --" + name + " is given more than once");
            }
        }
        return new Arguments(command, options, positional);
    }

    /** The value of a valued option, if given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** The value of a required valued option. */
    public String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw UsageException.usage(command + " needs --" + name);
        }
        return value;
    }

    /** Whether a boolean flag was given. */
    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public List<String> positional() {
        return positional;
    }

    static String quote(String text) {
        return Text.quote(text);
    }
}
