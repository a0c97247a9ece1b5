package org.hotline.app.config;

import java.util.regex.Pattern;

/**
 * Field paths as written in messages and by the routing module's validator:
 * {@code rosters.main.rotation.weeks[0].monday.duty[0]}. Keys that could be confused with the
 * path syntax are written in brackets and quotes: {@code asterisk.agents["SIP/a.b"]}.
 */
final class YamlPath {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_/@:+-]+");

    private YamlPath() {}

    static String child(String parent, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return parent + "[" + YamlNode.quote(key) + "]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The parent path, or null for the root (the empty path). */
    static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        if (path.endsWith("\"]")) {
            int open = path.lastIndexOf("[\"");
            if (open >= 0) {
                return path.substring(0, open);
            }
        }
        if (path.endsWith("]")) {
            int open = path.lastIndexOf('[');
            if (open >= 0) {
                return path.substring(0, open);
            }
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
