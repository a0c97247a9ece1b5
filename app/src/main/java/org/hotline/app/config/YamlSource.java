package org.hotline.app.config;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * One untrusted YAML source being read: parses it defensively into SnakeYAML's node tree,
 * collects the problems found while reading it, and keeps the index from field paths to lines
 * that lets later (semantic) problems point at the right line.
 *
 * <p>Defences: at most {@link #MAX_BYTES} bytes, strict UTF-8, one document, nesting depth and
 * alias count limited (no "billion laughs"), no recursive aliases, no duplicate or non-scalar
 * keys, no merge keys. Not thread-safe: one instance per load.
 */
final class YamlSource {
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 40;
    static final int MAX_ERRORS = 100;

    private final String name;
    private final Set<ConfigError> errors = new LinkedHashSet<>();
    private int dropped;
    private final Map<String, Integer> lines = new HashMap<>();

    YamlSource(String name) {
        this.name = name;
    }

    /** The source name used in messages. */
    String name() {
        return name;
    }

    /**
     * Parses {@code bytes} into the root node of the document.
     *
     * @throws ConfigException when the bytes are not a single well-formed, safe YAML document
     */
    YamlNode parse(byte[] bytes) throws ConfigException {
        if (bytes.length > MAX_BYTES) {
            throw fatal(0, "the file has " + bytes.length + " bytes; expected at most " + MAX_BYTES
                    + " bytes for a configuration file");
        }
        String text = decodeUtf8(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw fatal(mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + yamlProblem(e));
        } catch (ReaderException e) {
            throw fatal(lineAt(text, e.getPosition()), String.format(
                    "control character U+%04X is not allowed; expected printable text", e.getCodePoint()));
        } catch (YAMLException e) {
            throw fatal(0, "not accepted: " + e.getMessage() + " (anchors and aliases are limited to "
                    + MAX_ALIASES + " and nesting to " + MAX_DEPTH + " levels)");
        }
        if (root == null) {
            throw fatal(0, "the file is empty; expected a mapping with the keys timezone, calendar, people, "
                    + "rosters, deadline-policies, lines");
        }
        checkStructure(root, "", new IdentityHashMap<>());
        throwIfErrors();
        return YamlNode.root(this, root);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        return options;
    }

    private String decodeUtf8(byte[] bytes) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes);
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw fatal(line, String.format("not valid UTF-8 (byte 0x%02X at offset %d); expected the file "
                    + "to be saved as UTF-8", bytes[offset] & 0xff, offset));
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String yamlProblem(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String context = e.getContext();
        if (context != null && !context.equals(problem)) {
            return context + ": " + problem;
        }
        return problem == null ? "unreadable" : problem;
    }

    /** Rejects what a strict reader must not silently accept; walks every node once per path. */
    private void checkStructure(Node node, String path, IdentityHashMap<Node, Boolean> open) {
        if (open.containsKey(node)) {
            error(line(node), path, "a recursive alias refers to its own ancestor; expected a finite tree");
            return;
        }
        if (node instanceof ScalarNode) {
            return;
        }
        open.put(node, Boolean.TRUE);
        if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                checkStructure(items.get(i), YamlPath.index(path, i), open);
            }
        } else if (node instanceof MappingNode mapping) {
            Map<String, Integer> firstLine = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalarKey) || YamlNode.isNull(keyNode)) {
                    error(line(keyNode), path, "a key must be plain text; got " + YamlNode.describe(keyNode));
                    continue;
                }
                String key = scalarKey.getValue();
                String keyPath = YamlPath.child(path, key);
                if (key.equals("<<")) {
                    error(line(keyNode), path, "merge keys (<<) are not supported; expected the keys written out");
                    continue;
                }
                Integer first = firstLine.putIfAbsent(key, line(keyNode));
                if (first != null) {
                    error(line(keyNode), keyPath, "duplicate key " + YamlNode.quote(key) + " (first at line "
                            + first + "); expected each key once");
                    continue;
                }
                checkStructure(tuple.getValueNode(), keyPath, open);
            }
        }
        open.remove(node);
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private ConfigException fatal(int line, String message) {
        return new ConfigException(new ConfigError(name, line, "", message));
    }

    /** Records a problem; the same problem is kept once, and at most {@link #MAX_ERRORS}. */
    void error(int line, String path, String message) {
        add(new ConfigError(name, line, path, message));
    }

    private void add(ConfigError error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        } else if (!errors.contains(error)) {
            dropped++;
        }
    }

    /** Records a problem located in another file (a holiday file named by this source). */
    void errorIn(String otherSource, int line, String path, String message) {
        add(new ConfigError(otherSource, line, path, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Remembers where {@code path} was read; the first line seen for a path wins. */
    void index(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** The line of {@code path}, or of its nearest ancestor that was read; 0 when unknown. */
    int lineOf(String path) {
        for (String p = path; p != null; p = YamlPath.parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    /** The problems recorded so far, sorted by line (stable). */
    List<ConfigError> errors() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ConfigError::line));
        if (dropped > 0) {
            sorted.add(new ConfigError(name, 0, "", "and " + dropped + " more problems not shown (at most "
                    + MAX_ERRORS + " are listed); fix these first"));
        }
        return Collections.unmodifiableList(sorted);
    }

    void throwIfErrors() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors());
        }
    }
}
