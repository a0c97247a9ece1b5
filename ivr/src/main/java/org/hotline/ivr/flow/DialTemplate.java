package org.hotline.ivr.flow;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a configured phone number into an Asterisk dial string (config {@code asterisk.dial},
 * e.g. {@code PJSIP/{number}@trunk}). Only configured numbers are ever dialled: the number must
 * match {@code ^\+?[0-9]{3,20}$}, and the template itself is fixed at start. The template's
 * rule is {@link #problem(String)}, the one check the configuration loader runs as well.
 */
public record DialTemplate(String template) {

    public static final String NUMBER_PLACEHOLDER = "{number}";
    public static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern TEMPLATE = Pattern.compile("[A-Za-z0-9_/@.:+\\-{}]+");
    /** {@code asterisk.dial} when the file does not set it (after the patterns it is checked by). */
    public static final DialTemplate DEFAULT = new DialTemplate("PJSIP/" + NUMBER_PLACEHOLDER);

    public DialTemplate {
        Optional<String> problem = problem(template);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("asterisk.dial: " + problem.get());
        }
    }

    /**
     * What is wrong with {@code template} as a dial template, if anything: only letters, digits
     * and {@code / @ _ . : + -}, and {@code {number}} exactly once with no other braces (so no
     * dial options or second channel can be smuggled in).
     */
    public static Optional<String> problem(String template) {
        if (template == null || !TEMPLATE.matcher(template).matches()) {
            return Optional.of("expected a dial string such as PJSIP/{number}@trunk "
                    + "(letters, digits and / @ _ . : + - only), got " + quoted(template));
        }
        int first = template.indexOf(NUMBER_PLACEHOLDER);
        if (first < 0 || first != template.lastIndexOf(NUMBER_PLACEHOLDER)
                || template.replace(NUMBER_PLACEHOLDER, "").matches(".*[{}].*")) {
            return Optional.of("expected a dial string containing {number} exactly once (and no other braces), got "
                    + quoted(template));
        }
        return Optional.empty();
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "\"" + text + "\"";
    }

    /** The dial string for a configured number; refuses anything that is not a phone number. */
    public String dialString(String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("refusing to dial '" + number + "': a configured number is digits "
                    + "with an optional leading +, 3 to 20 long");
        }
        return template.replace(NUMBER_PLACEHOLDER, number);
    }
}
