package org.hotline.storage.pg;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for storing caller-controlled text (caller ID name and number, DTMF-entered
 * values, locations, descriptions, notes). Text is stored as data, always through bound
 * parameters, never interpreted; what the store does to it is exactly this, in order:
 * <ol>
 *   <li>{@code null} stays {@code null};</li>
 *   <li>every NUL character (U+0000) is removed: PostgreSQL {@code text} cannot hold it;</li>
 *   <li>every unpaired UTF-16 surrogate (what invalid UTF-8 or a broken string leaves behind) is
 *       replaced by U+FFFD REPLACEMENT CHARACTER; bytes are decoded with {@link #decode(byte[])},
 *       which replaces each malformed UTF-8 sequence by U+FFFD;</li>
 *   <li>the result is cut to the field's limit counted in Unicode code points (never splitting a
 *       surrogate pair): {@link #SHORT} for identifiers and numbers, {@link #NAME} for names and
 *       locations, {@link #LONG} for descriptions and notes.</li>
 * </ol>
 * Everything else (HTML, quotes, SQL fragments, control characters other than NUL, emoji) is
 * stored exactly. Rendering it safely is the reader's job. Stateless, thread-safe.
 */
final class TextRule {

    /** Limit for numbers and identifiers (caller number, callback number, uniqueid, ids): 80 code points. */
    public static final int SHORT = 80;
    /** Limit for names and locations: 255 code points. */
    public static final int NAME = 255;
    /** Limit for descriptions, notes, plans, resolutions: 65,536 code points. */
    public static final int LONG = 65_536;

    private TextRule() {}

    /** Applies the rule with the {@link #SHORT} limit. */
    public static String shortText(String s) {
        return clean(s, SHORT);
    }

    /** Applies the rule with the {@link #NAME} limit. */
    public static String name(String s) {
        return clean(s, NAME);
    }

    /** Applies the rule with the {@link #LONG} limit. */
    public static String longText(String s) {
        return clean(s, LONG);
    }

    /** Applies the rule: drop NUL, replace unpaired surrogates, cut at {@code maxCodePoints}. */
    public static String clean(String s, int maxCodePoints) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        int n = s.length();
        int codePoints = 0;
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            int width = 1;
            String replacement = null;
            if (c == '\u0000') {
                replacement = "";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    width = 2;
                } else {
                    replacement = "\uFFFD";
                }
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(Math.min(n, maxCodePoints * 2)).append(s, 0, i);
            }
            if (replacement == null || !replacement.isEmpty()) {
                if (codePoints == maxCodePoints) {
                    if (out == null) {
                        return s.substring(0, i);
                    }
                    break;
                }
                codePoints++;
                if (out != null) {
                    if (replacement != null) {
                        out.append(replacement);
                    } else {
                        out.append(s, i, i + width);
                    }
                }
            }
            i += width;
        }
        return out == null ? s : out.toString();
    }

    /** Decodes bytes as UTF-8, replacing each malformed sequence by U+FFFD (never throws). */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
