package org.hotline.ivr.sim;

/**
 * The keys a scripted caller presses, in order, and how Asterisk 22 answers the AGI commands
 * that read them: {@code STREAM FILE} with escape digits, {@code GET DATA} and {@code WAIT FOR
 * DIGIT}. {@link #HANG_UP} in the script hangs up at that point, {@link #SILENCE} lets one
 * prompt time out. Written once for the call simulator and the benchmark's channel, so both
 * answer exactly as AgiRepliesIT pinned against the real Asterisk. Not thread-safe: one per call.
 */
public final class Keypad {

    /** In a script: the caller hangs up here. */
    public static final char HANG_UP = 'H';
    /** In a script: the caller keys nothing at this prompt, which times out. */
    public static final char SILENCE = '_';

    private final String keys;
    private int next;
    private boolean hungUp;

    public Keypad(String keys) {
        this.keys = keys == null ? "" : keys;
    }

    /** The next key, not consumed, or 0 when the script has no more. */
    public char peek() {
        return next < keys.length() ? keys.charAt(next) : 0;
    }

    /** Consumes the next key if it is {@code key}; says whether it was. */
    public boolean press(char key) {
        if (peek() != key) {
            return false;
        }
        next++;
        if (key == HANG_UP) {
            hungUp = true;
        }
        return true;
    }

    /** Whether the script's caller hung up at one of its keys. */
    public boolean hungUp() {
        return hungUp;
    }

    /** Consumes the hang-up key and answers as Asterisk does for a command the hangup ended. */
    public String hangUp() {
        next++;
        hungUp = true;
        return "HANGUP\n200 result=-1";
    }

    /** {@code STREAM FILE}: a key among the escape digits interrupts the prompt. */
    public String streamFile(String escapeDigits) {
        char key = peek();
        if (key == HANG_UP) {
            return hangUp();
        }
        if (key != 0 && !escapeDigits.isEmpty() && escapeDigits.indexOf(key) >= 0) {
            next++;
            return "200 result=" + (int) key + " endpos=4000";
        }
        return "200 result=0 endpos=16000";
    }

    /** {@code GET DATA}: keys up to {@code maxDigits}, ended early by '#' or a time-out. */
    public String getData(int maxDigits) {
        StringBuilder keyed = new StringBuilder();
        while (true) {
            char key = peek();
            if (key == HANG_UP) {
                return hangUp();
            }
            if (key == 0) {
                return "200 result=" + keyed + " (timeout)";
            }
            next++;
            if (key == SILENCE) {
                return "200 result=" + keyed + " (timeout)";
            }
            if (key == '#') {
                return "200 result=" + keyed;
            }
            keyed.append(key);
            if (keyed.length() >= maxDigits) {
                return "200 result=" + keyed;
            }
        }
    }

    /** {@code WAIT FOR DIGIT}: one key, or 0 on a time-out. */
    public String waitForDigit() {
        char key = peek();
        if (key == HANG_UP) {
            return hangUp();
        }
        if (key == 0 || key == SILENCE) {
            next += key == 0 ? 0 : 1;
            return "200 result=0";
        }
        next++;
        return "200 result=" + (int) key;
    }
}
