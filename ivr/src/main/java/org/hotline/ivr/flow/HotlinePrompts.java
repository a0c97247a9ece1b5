package org.hotline.ivr.flow;

import java.util.Map;
import org.hotline.domain.calendar.Period;
import org.hotline.domain.config.LineConfig;

/**
 * The prompts of the hotline flow. Each line may name its own recording for any prompt in its
 * {@code prompts} map (sound file name without extension); every prompt it leaves out falls
 * back to an Asterisk core sound ({@code asterisk-core-sounds-en}), so a fresh install speaks
 * before anything is recorded. The table is in {@code ivr/AGI-CONTRACT.md}, "Prompts".
 */
final class HotlinePrompts {

    static final String GREETING_OFFICE = "greeting-office";
    static final String GREETING_LUNCH = "greeting-lunch";
    static final String GREETING_AFTER_HOURS = "greeting-after-hours";
    static final String GREETING_CLOSED = "greeting-closed";
    static final String MENU = "menu";
    static final String INVALID = "invalid";
    static final String NO_INPUT = "no-input";
    static final String CALLBACK_CONFIRM = "callback-confirm";
    static final String CALLBACK_CHOICE = "callback-choice";
    static final String CALLBACK_ENTER = "callback-enter";
    static final String LOCATION = "location";
    static final String MESSAGE_OFFER = "message-offer";
    static final String CONNECTING = "connecting";
    static final String NOBODY = "nobody-available";

    /** Core sound used when the line does not name a recording. */
    static final Map<String, String> CORE = Map.ofEntries(
            Map.entry(GREETING_OFFICE, "hello-world"),
            Map.entry(GREETING_LUNCH, "hello-world"),
            Map.entry(GREETING_AFTER_HOURS, "hello-world"),
            Map.entry(GREETING_CLOSED, "hello-world"),
            Map.entry(MENU, "vm-enter-num-to-call"),
            Map.entry(INVALID, "pbx-invalid"),
            Map.entry(NO_INPUT, "please-try-again"),
            Map.entry(CALLBACK_CONFIRM, "vm-from-phonenumber"),
            Map.entry(CALLBACK_CHOICE, "if-correct-press"),
            Map.entry(CALLBACK_ENTER, "vm-enter-num-to-call"),
            Map.entry(LOCATION, "vm-enter-num-to-call"),
            Map.entry(MESSAGE_OFFER, "vm-intro"),
            Map.entry(CONNECTING, "pls-hold-while-try"),
            Map.entry(NOBODY, "vm-nobodyavail"));

    private HotlinePrompts() {
    }

    /** The sound file for {@code prompt} on {@code line}: the line's own recording, else the core sound. */
    static String file(LineConfig line, String prompt) {
        String core = CORE.get(prompt);
        if (core == null) {
            throw new IllegalArgumentException("unknown prompt " + prompt);
        }
        return line == null ? core : line.prompt(prompt).orElse(core);
    }

    /** The greeting prompt name for a calendar period. */
    static String greeting(Period period) {
        return switch (period) {
            case OFFICE -> GREETING_OFFICE;
            case LUNCH -> GREETING_LUNCH;
            case AFTER_HOURS -> GREETING_AFTER_HOURS;
            case CLOSED -> GREETING_CLOSED;
        };
    }
}
