package org.hotline.ivr.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every AGI command the hotline sends, as values, and the one place where they become wire
 * text ({@link #render()}).
 *
 * <p>Quoting follows {@code parse_args} in Asterisk's {@code res_agi.c}: arguments are split on
 * blanks, a double quote toggles grouping and a backslash escapes the next character. Every
 * free-text argument is therefore rendered inside double quotes with {@code \} and {@code "}
 * escaped, so caller-influenced text can never add an argument or a command. A line break or
 * other control character cannot be escaped in a one-line protocol and is refused at
 * construction with an {@link IllegalArgumentException}. Variable and application names and
 * escape-digit sets are validated against their grammar instead.
 *
 * <p>Values are immutable and thread-safe.
 */
public sealed interface AgiCommand {

    /** The command line without its terminating newline. */
    String render();

    /** {@code ANSWER}: answers the channel; result 0 or -1. */
    record Answer() implements AgiCommand {
        @Override
        public String render() {
            return "ANSWER";
        }
    }

    /** {@code HANGUP}: hangs up the current channel. */
    record Hangup() implements AgiCommand {
        @Override
        public String render() {
            return "HANGUP";
        }
    }

    /** {@code NOOP}: does nothing; used as a keep-alive and by the load driver. */
    record Noop() implements AgiCommand {
        @Override
        public String render() {
            return "NOOP";
        }
    }

    /**
     * {@code STREAM FILE file escapeDigits}: plays a prompt; result is the ASCII code of the
     * key that interrupted it, 0 when played to the end, -1 on hangup or failure.
     */
    record StreamFile(String file, String escapeDigits) implements AgiCommand {
        public StreamFile {
            checkText("file", file);
            checkDigits("escapeDigits", escapeDigits);
        }

        @Override
        public String render() {
            return "STREAM FILE " + quote(file) + " " + quote(escapeDigits);
        }
    }

    /**
     * {@code GET DATA file timeout maxDigits}: plays a prompt and collects up to
     * {@code maxDigits} keys ending with {@code #}; result is the keys pressed (may be empty),
     * data {@code timeout} when the caller stopped keying, result -1 on hangup.
     */
    record GetData(String file, int timeoutMillis, int maxDigits) implements AgiCommand {
        public GetData {
            checkText("file", file);
            if (timeoutMillis < 0 || maxDigits < 1 || maxDigits > 1024) {
                throw new IllegalArgumentException(
                        "GET DATA needs timeout >= 0 and 1..1024 digits, got " + timeoutMillis + "/" + maxDigits);
            }
        }

        @Override
        public String render() {
            return "GET DATA " + quote(file) + " " + timeoutMillis + " " + maxDigits;
        }
    }

    /** {@code WAIT FOR DIGIT timeout}: result is the key's ASCII code, 0 on timeout, -1 on hangup. */
    record WaitForDigit(int timeoutMillis) implements AgiCommand {
        @Override
        public String render() {
            return "WAIT FOR DIGIT " + timeoutMillis;
        }
    }

    /** {@code SAY DIGITS digits escapeDigits}: reads a digit string back to the caller. */
    record SayDigits(String digits, String escapeDigits) implements AgiCommand {
        public SayDigits {
            if (digits == null || digits.isEmpty() || !only(digits, "0123456789")) {
                throw new IllegalArgumentException("SAY DIGITS takes digits 0-9 only, got " + digits);
            }
            checkDigits("escapeDigits", escapeDigits);
        }

        @Override
        public String render() {
            return "SAY DIGITS " + digits + " " + quote(escapeDigits);
        }
    }

    /**
     * {@code RECORD FILE file format escapeDigits timeout [BEEP] [s=silence]}: records the
     * caller into {@code file.format}; result 0 with data {@code timeout} or a key's ASCII
     * code with data {@code dtmf}, -1 on hangup; {@code endpos} is the length in samples.
     */
    record RecordFile(String file, String format, String escapeDigits, int timeoutMillis, boolean beep,
                      int silenceSeconds) implements AgiCommand {
        public RecordFile {
            checkText("file", file);
            if (format == null || format.isEmpty() || format.length() > 10 || !only(format, "abcdefghijklmnopqrstuvwxyz0123456789")) {
                throw new IllegalArgumentException("RECORD FILE format must be like wav or gsm, got " + format);
            }
            checkDigits("escapeDigits", escapeDigits);
            if (timeoutMillis < -1 || silenceSeconds < 0) {
                throw new IllegalArgumentException("RECORD FILE timeout >= -1 and silence >= 0 expected");
            }
        }

        @Override
        public String render() {
            var line = new StringBuilder("RECORD FILE ").append(quote(file)).append(' ').append(format)
                    .append(' ').append(quote(escapeDigits)).append(' ').append(timeoutMillis);
            if (beep) {
                line.append(" BEEP");
            }
            if (silenceSeconds > 0) {
                line.append(" s=").append(silenceSeconds);
            }
            return line.toString();
        }
    }

    /** {@code SET VARIABLE name value}: sets a channel variable the dialplan reads after AGI(). */
    record SetVariable(String name, String value) implements AgiCommand {
        public SetVariable {
            checkName(name);
            checkText("value", value);
        }

        @Override
        public String render() {
            return "SET VARIABLE " + name + " " + quote(value);
        }
    }

    /**
     * {@code GET VARIABLE name}: result 1 with the value as data, 0 when unset. A name ending in
     * {@code )} is read as a dialplan function, e.g. {@code CHANNEL(linkedid)}.
     */
    record GetVariable(String name) implements AgiCommand {
        private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\([A-Za-z0-9_-]*\\)");

        public GetVariable {
            if (name == null || !(isName(name) || FUNCTION.matcher(name).matches())) {
                throw new IllegalArgumentException("not a variable or function name: " + name);
            }
        }

        @Override
        public String render() {
            return "GET VARIABLE " + quote(name);
        }
    }

    /**
     * {@code EXEC application options}: runs a dialplan application (Dial, Queue, VoiceMail)
     * and returns its result; -2 when the application does not exist.
     */
    record Exec(String application, List<String> options) implements AgiCommand {
        public Exec {
            if (application == null || !isName(application) || application.charAt(0) == '_') {
                throw new IllegalArgumentException("not an application name: " + application);
            }
            options = List.copyOf(options);
            for (String option : options) {
                checkText("option", option);
                if (option.indexOf(',') >= 0) {
                    throw new IllegalArgumentException(
                            "an application option cannot contain ',' (it separates options): " + option);
                }
            }
        }

        public Exec(String application, String... options) {
            this(application, List.of(options));
        }

        @Override
        public String render() {
            return "EXEC " + application + " " + quote(String.join(",", options));
        }
    }

    /**
     * {@code CHANNEL STATUS}: the channel's state as the result ({@code 6} up); on a channel
     * that hung up Asterisk answers {@code 511} instead. The flow asks it after a {@code result=-1}
     * that came without a {@code HANGUP}, to tell a missing sound file from a caller who left.
     */
    record ChannelStatus() implements AgiCommand {
        @Override
        public String render() {
            return "CHANNEL STATUS";
        }
    }

    /**
     * {@code GET FULL VARIABLE ${name}}: a variable as the dialplan expands it, including
     * Asterisk's built-in globals such as {@code ASTSPOOLDIR}; result 1 with the value as data.
     * Only a plain name is accepted, never an expression.
     */
    record GetFullVariable(String name) implements AgiCommand {
        public GetFullVariable {
            if (name == null || !isName(name)) {
                throw new IllegalArgumentException("not a variable name: " + name);
            }
        }

        @Override
        public String render() {
            return "GET FULL VARIABLE ${" + name + "}";
        }
    }

    /** {@code VERBOSE message level}: writes to the Asterisk console log. */
    record Verbose(String message, int level) implements AgiCommand {
        public Verbose {
            checkText("message", message);
            if (level < 1 || level > 4) {
                throw new IllegalArgumentException("VERBOSE level is 1..4, got " + level);
            }
        }

        @Override
        public String render() {
            return "VERBOSE " + quote(message) + " " + level;
        }
    }

    /*
     * The checks below are plain character loops, not regular expressions: commands are built
     * on every step of every call, and a String.matches() compiles a pattern each time.
     */

    /** Variable and application names: letters, digits and underscore, not starting with a digit, 1-80 long. */
    private static boolean isName(String name) {
        if (name.isEmpty() || name.length() > 80 || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean only(String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            if (allowed.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String name) {
        if (name == null || !isName(name)) {
            throw new IllegalArgumentException("not a channel variable name: " + name);
        }
    }

    private static void checkDigits(String what, String digits) {
        if (digits == null || !only(digits, "0123456789*#")) {
            throw new IllegalArgumentException(what + " may hold only 0-9, * and #, got " + digits);
        }
    }

    private static void checkText(String what, String text) {
        if (text == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(
                        what + " contains control character U+" + String.format("%04X", (int) c)
                                + " which cannot be sent in an AGI command line");
            }
        }
    }

    /** Wraps an argument in double quotes, escaping backslash and double quote as res_agi expects. */
    static String quote(String argument) {
        var quoted = new StringBuilder(argument.length() + 2).append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** Splits a rendered line the way res_agi's parse_args does; used by tests and the simulator. */
    static List<String> parseArguments(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                current = current == null ? new StringBuilder() : current;
                current.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                quoted = !quoted;
                current = current == null ? new StringBuilder() : current;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (current != null) {
                    args.add(current.toString());
                    current = null;
                }
            } else {
                current = current == null ? new StringBuilder() : current;
                current.append(c);
            }
        }
        if (current != null) {
            args.add(current.toString());
        }
        return args;
    }
}
