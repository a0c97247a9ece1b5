package org.hotline.ivr.agi;

import java.util.Map;
import java.util.Optional;

/**
 * One reply Asterisk sent to one command (AGI protocol, {@code res_agi.c}).
 *
 * <ul>
 *   <li>{@code 200 result=N [(data)] [endpos=N] [key=value...]}: the command ran; {@link #result()}
 *       is kept as text because GET DATA answers with the digit string ({@code 200 result=123})
 *       and an empty {@code result=} is possible;</li>
 *   <li>{@code 510 Invalid or unknown command};</li>
 *   <li>{@code 511 Command Not Permitted on a dead channel or intercept routine};</li>
 *   <li>{@code 520 ...}: invalid syntax, single line, or multi-line {@code 520-...} up to
 *       {@code 520 End of proper usage.}; {@link #text()} then holds the usage lines.</li>
 * </ul>
 *
 * @param code     the status code (200, 510, 511, 520)
 * @param result   the {@code result=} value for 200, empty otherwise
 * @param data     the text inside the parentheses after the result, if any
 * @param endpos   the {@code endpos=} value (sample offset in a played or recorded file), if any
 * @param extra    any other {@code key=value} pairs
 * @param text     the human text of a non-200 reply (all lines of a multi-line 520)
 */
public record AgiReply(int code, String result, Optional<String> data, Optional<Long> endpos,
                       Map<String, String> extra, String text) {

    public AgiReply {
        extra = Map.copyOf(extra);
    }

    /** A {@code 200} reply; convenience for tests and the simulator. */
    public static AgiReply success(String result, String data) {
        return new AgiReply(200, result, Optional.ofNullable(data), Optional.empty(), Map.of(), "");
    }

    public boolean isSuccess() {
        return code == 200;
    }

    /** The result as a number; {@code -1} when the command failed or the result is not numeric. */
    public long resultNumber() {
        if (!isSuccess() || result.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(result);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The key pressed for commands that answer with an ASCII code (STREAM FILE, WAIT FOR DIGIT,
     * RECORD FILE); empty for 0 (no key), -1 (hangup) and non-key codes.
     */
    public Optional<Character> key() {
        long code = resultNumber();
        if (code == '#' || code == '*' || (code >= '0' && code <= '9')) {
            return Optional.of((char) code);
        }
        return Optional.empty();
    }

    /** True when the reply says the channel is gone: {@code result=-1} or 511. */
    public boolean channelGone() {
        return code == 511 || (isSuccess() && "-1".equals(result));
    }
}
