package org.hotline.panel.users;

import java.util.regex.Pattern;

/**
 * What user names, display names, department ids and phone devices may look like. Every check
 * throws {@link InvalidFieldException} naming the field. Stateless.
 */
final class NameRules {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,15}/[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private NameRules() {}

    static String username(String field, String v) {
        String s = required(field, v);
        if (!USERNAME.matcher(s).matches()) {
            throw new InvalidFieldException(field, "Field '" + field + "' must be 2-40 characters of a-z, 0-9, '.', '_' "
                    + "or '-', starting with a letter or digit; got " + quoted(s) + ".");
        }
        return s;
    }

    /** An id of a department ({@code water-works}). */
    static String code(String field, String v) {
        String s = required(field, v);
        if (!CODE.matcher(s).matches()) {
            throw new InvalidFieldException(field, "Field '" + field + "' must be 1-40 characters of a-z, 0-9, '_' or '-'; "
                    + "got " + quoted(s) + ".");
        }
        return s;
    }

    /** A name people read: 1 to {@code max} characters, no control characters, trimmed. */
    static String displayName(String field, String v, int max) {
        if (v != null && v.codePoints().anyMatch(NameRules::isControl)) {
            throw new InvalidFieldException(field, "Field '" + field + "' contains a control character; "
                    + "use letters, digits, spaces and punctuation only.");
        }
        String s = required(field, v);
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidFieldException(field, "Field '" + field + "' is longer than " + max + " characters.");
        }
        return s;
    }

    /** The AMI device of a phone: {@code PJSIP/1001}, {@code SIP/agent-7}. */
    static String device(String field, String v) {
        String s = required(field, v);
        if (!DEVICE.matcher(s).matches()) {
            throw new InvalidFieldException(field, "Field '" + field + "' must be an Asterisk device such as PJSIP/1001; "
                    + "got " + quoted(s) + ".");
        }
        return s;
    }

    private static String required(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new InvalidFieldException(field, "Field '" + field + "' is required.");
        }
        return v.trim();
    }

    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("'");
        s.codePoints().limit(60).forEach(cp -> {
            if (isControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(s.codePointCount(0, s.length()) > 60 ? "...'" : "'").toString();
    }
}
