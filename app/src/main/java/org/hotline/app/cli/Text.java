package org.hotline.app.cli;

/** Quoting of untrusted text (command-line values) for messages. */
final class Text {
    private Text() {}

    /** {@code text} in double quotes, control characters escaped, at most 80 characters shown. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            if (i == 80) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
