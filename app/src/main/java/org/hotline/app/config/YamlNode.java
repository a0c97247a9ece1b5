package org.hotline.app.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A cursor on one node of a parsed YAML source that knows its field path and line.
 *
 * <p>Typed accessors read the node's text strictly (YAML 1.1 surprises such as {@code 12:00}
 * being the number 720, or {@code no} being false, cannot happen: every value is read from its
 * source text). When a value is wrong the accessor records a problem in the {@link YamlSource}
 * and throws {@link Invalid}; {@link #list}, {@link #map} and {@link #fields} catch it per
 * element or field, so one run reports as many problems as possible. A node that is absent
 * (a missing key) still has a path and the line of its parent mapping.
 *
 * <p>Not thread-safe; belongs to one load.
 */
final class YamlNode {

    /** Thrown once a problem has been recorded, to abandon the value being read. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\S+?)\\s*-\\s*(\\S+)\\s*");
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,9}");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final YamlSource source;
    private final Node node;
    private final String path;
    private final int line;

    private YamlNode(YamlSource source, Node node, String path, int line) {
        this.source = source;
        this.node = node;
        this.path = path;
        this.line = line;
        source.index(path, line);
    }

    static YamlNode root(YamlSource source, Node node) {
        return new YamlNode(source, node, "", YamlSource.line(node));
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    YamlSource source() {
        return source;
    }

    /** True when the key is missing or its value is empty ({@code key:}, {@code ~} or {@code null}). */
    boolean isAbsent() {
        return node == null || isNull(node);
    }

    /** Records a problem at this node and returns the exception that abandons the read. */
    Invalid fail(String message) {
        source.error(line, path, message);
        return new Invalid();
    }

    private Invalid expected(String what) {
        if (node == null) {
            return fail("missing; expected " + what);
        }
        return fail("expected " + what + ", got " + describe(node));
    }

    // ---- mappings --------------------------------------------------------------------------

    private MappingNode mapping() {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw expected("a mapping (key: value)");
    }

    /** The value of {@code key}; an absent node when the key is missing. */
    YamlNode get(String key) {
        MappingNode mapping = mapping();
        String childPath = YamlPath.child(path, key);
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                Node value = tuple.getValueNode();
                int valueLine = isNull(value) ? YamlSource.line(k) : YamlSource.line(value);
                return new YamlNode(source, value, childPath, valueLine);
            }
        }
        return new YamlNode(source, null, childPath, line);
    }

    /** The keys of this mapping, in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (NodeTuple tuple : mapping().getValue()) {
            keys.add(((ScalarNode) tuple.getKeyNode()).getValue());
        }
        return keys;
    }

    /**
     * Records a problem for every key of this mapping not in {@code allowed} (does not throw for
     * those, so the known keys are still read); throws when this is not a mapping.
     */
    void requireOnly(Set<String> allowed) {
        for (NodeTuple tuple : mapping().getValue()) {
            ScalarNode key = (ScalarNode) tuple.getKeyNode();
            if (!allowed.contains(key.getValue())) {
                source.error(YamlSource.line(key), YamlPath.child(path, key.getValue()),
                        "unknown key " + quote(key.getValue()) + "; expected one of: "
                                + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /**
     * Reads a mapping limited to {@code allowed} keys into one value. Every field is read even
     * when an earlier one is wrong; {@code build} then sees {@code null} for fields that failed
     * and its result is discarded. An {@link IllegalArgumentException} thrown by {@code build}
     * when all fields were read (a record's own check) becomes a problem at this node.
     */
    <T> T fields(Set<String> allowed, Function<Fields, T> build) {
        if (node == null) {
            throw expected("a mapping with " + String.join(", ", new TreeSet<>(allowed)));
        }
        requireOnly(allowed);
        Fields fields = new Fields();
        T value;
        try {
            value = build.apply(fields);
        } catch (Invalid e) {
            throw e;
        } catch (RuntimeException e) {
            if (fields.failed) {
                throw new Invalid();
            }
            if (e instanceof IllegalArgumentException) {
                throw fail(e.getMessage());
            }
            throw e;
        }
        if (fields.failed) {
            throw new Invalid();
        }
        return value;
    }

    /** Field access for {@link #fields}: failures are recorded and remembered, not thrown. */
    final class Fields {
        private boolean failed;

        /** The required field read by {@code reader}, or null after recording why it is wrong. */
        <T> T required(String key, Function<YamlNode, T> reader) {
            YamlNode child = get(key);
            try {
                if (child.node == null) {
                    throw child.fail("missing; expected a value");
                }
                if (child.isAbsent()) {
                    throw child.fail("empty; expected a value");
                }
                return reader.apply(child);
            } catch (Invalid e) {
                failed = true;
                return null;
            }
        }

        /** The optional field, empty when absent or (after recording why) wrong. */
        <T> Optional<T> optional(String key, Function<YamlNode, T> reader) {
            YamlNode child = get(key);
            if (child.isAbsent()) {
                return Optional.empty();
            }
            try {
                return Optional.of(reader.apply(child));
            } catch (Invalid e) {
                failed = true;
                return Optional.empty();
            }
        }

        /** The optional field, or {@code otherwise} when absent. */
        <T> T optional(String key, Function<YamlNode, T> reader, T otherwise) {
            YamlNode child = get(key);
            if (child.isAbsent()) {
                return otherwise;
            }
            try {
                return reader.apply(child);
            } catch (Invalid e) {
                failed = true;
                return otherwise;
            }
        }

        /** Whether a field read so far (or {@link #fail}) failed. */
        boolean failed() {
            return failed;
        }

        /** The node of a field, for checks that span fields. */
        YamlNode node(String key) {
            return get(key);
        }

        /** Records a problem at {@code at} and marks the whole value as failed. */
        void fail(YamlNode at, String message) {
            at.fail(message);
            failed = true;
        }
    }

    /**
     * Reads every entry of a mapping with {@code reader(key, value)}, in file order; entries
     * that fail are reported and the whole map then fails.
     */
    <T> Map<String, T> map(BiFunction<String, YamlNode, T> reader) {
        Map<String, T> result = new LinkedHashMap<>();
        boolean failed = false;
        MappingNode mapping = mapping();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            try {
                result.put(key, reader.apply(key, get(key)));
            } catch (Invalid e) {
                failed = true;
            }
        }
        if (failed) {
            throw new Invalid();
        }
        return Collections.unmodifiableMap(result);
    }

    // ---- sequences -------------------------------------------------------------------------

    /** Reads every element with {@code reader}; elements that fail are reported, then the list fails. */
    <T> List<T> list(Function<YamlNode, T> reader) {
        if (!(node instanceof SequenceNode sequence)) {
            throw expected("a list");
        }
        List<T> result = new ArrayList<>();
        boolean failed = false;
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            YamlNode child = new YamlNode(source, item, YamlPath.index(path, i), YamlSource.line(item));
            try {
                result.add(reader.apply(child));
            } catch (Invalid e) {
                failed = true;
            }
        }
        if (failed) {
            throw new Invalid();
        }
        return List.copyOf(result);
    }

    /** A list of at least one element; {@code what} says what it must hold when it is empty. */
    <T> List<T> nonEmptyList(Function<YamlNode, T> reader, String what) {
        List<T> result = list(reader);
        if (result.isEmpty()) {
            throw fail("empty; expected " + what);
        }
        return result;
    }

    /** Element {@code index} of this list (which must exist). */
    YamlNode element(int index) {
        Node item = ((SequenceNode) node).getValue().get(index);
        return new YamlNode(source, item, YamlPath.index(path, index), YamlSource.line(item));
    }

    // ---- scalars ---------------------------------------------------------------------------

    private String scalar(String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return scalar.getValue();
        }
        throw expected(what);
    }

    /** Whether the node is a mapping (a node may be given as a word or as a mapping). */
    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** Non-blank text. */
    String string() {
        String text = scalar("text");
        if (text.isBlank()) {
            throw expected("non-empty text");
        }
        return text;
    }

    /** Text matching {@code pattern} entirely; {@code what} describes it for the message. */
    String matching(Pattern pattern, String what) {
        String text = scalar(what);
        if (!pattern.matcher(text).matches()) {
            throw expected(what);
        }
        return text;
    }

    /** A whole number from {@code min} to {@code max}; {@code what} describes it ("a port"). */
    int integer(int min, int max, String what) {
        String expectation = what + " from " + min + " to " + max;
        String text = scalar(expectation);
        if (!WHOLE.matcher(text).matches()) {
            throw expected(expectation);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw expected(expectation);
        }
        return value;
    }

    /**
     * A length of time written as a whole number and a unit, {@code ms}, {@code s}, {@code m} or
     * {@code h} ({@code 30m}, {@code 20s}), from {@code min} to {@code max}.
     */
    Duration duration(Duration min, Duration max) {
        String expectation = "a duration such as 30m, 20s or 500ms (units ms, s, m, h) from " + describe(min)
                + " to " + describe(max);
        String text = scalar(expectation);
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw expected(expectation);
        }
        long amount = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw expected(expectation);
        }
        return value;
    }

    private static String describe(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** {@code true} or {@code false} (not yes/no/on/off). */
    boolean bool() {
        String text = scalar("true or false");
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw expected("true or false");
        };
    }

    /** A date written YYYY-MM-DD. */
    LocalDate date() {
        String text = scalar("a date YYYY-MM-DD");
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw expected("a date YYYY-MM-DD");
        }
    }

    /** A local date-time written YYYY-MM-DDTHH:MM. */
    LocalDateTime dateTime() {
        String text = scalar("a local date-time YYYY-MM-DDTHH:MM");
        try {
            return LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw expected("a local date-time YYYY-MM-DDTHH:MM");
        }
    }

    /** A wall-clock time written HH:MM (24-hour). */
    LocalTime time() {
        LocalTime time = parseTime(scalar("a time HH:MM (24-hour)"));
        if (time == null) {
            throw expected("a time HH:MM (24-hour)");
        }
        return time;
    }

    /**
     * A time range written "HH:MM-HH:MM" within one day, start before end, built by
     * {@code factory(start, end)}. An {@link IllegalArgumentException} from the factory becomes
     * a problem.
     */
    <T> T timeRange(BiFunction<LocalTime, LocalTime, T> factory) {
        String what = "a time range \"HH:MM-HH:MM\"";
        String text = scalar(what);
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw expected(what);
        }
        LocalTime start = parseTime(m.group(1));
        LocalTime end = parseTime(m.group(2));
        if (start == null || end == null) {
            throw expected(what);
        }
        if (!start.isBefore(end)) {
            throw fail("the range " + quote(text) + " is empty or inverted; expected the start before the end "
                    + "(a range cannot cross midnight)");
        }
        try {
            return factory.apply(start, end);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** An IANA time-zone id such as Asia/Shanghai (fixed offsets are refused: they know no DST). */
    ZoneId zone() {
        String what = "an IANA time zone such as Asia/Shanghai or Europe/Berlin";
        String text = scalar(what);
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            throw expected(what);
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw expected(what);
        }
    }

    /** One of {@code choices}, exactly as written. */
    String oneOf(Set<String> choices) {
        String what = "one of " + String.join(", ", new TreeSet<>(choices));
        String text = scalar(what);
        if (!choices.contains(text)) {
            throw expected(what);
        }
        return text;
    }

    // ---- text for messages -----------------------------------------------------------------

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())
                && scalar.getScalarStyle().getChar() == null;
    }

    /** What a node holds, for "got ..." (untrusted text is quoted, escaped and shortened). */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        if (node instanceof ScalarNode scalar) {
            return quote(scalar.getValue());
        }
        return "something else";
    }

    /** {@code text} in double quotes, control characters escaped, at most 60 characters shown. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < text.length(); i++) {
            if (shown++ == 60) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
