package org.hotline.ivr.flow;

import java.util.regex.Pattern;

/**
 * Turns a configured phone number into an Asterisk dial string (config {@code asterisk.dial},
 * e.g. {@code PJSIP/{number}@trunk}). Only configured numbers are ever dialled: the number must
 * match {@code ^\+?[0-9]{3,20}$}, and the template itself is fixed at start.
 */
public record DialTemplate(String template) {

    public static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern TEMPLATE = Pattern.compile("[A-Za-z0-9_/@.:+\\-{}]+");

    public DialTemplate {
        if (template == null || !template.contains("{number}") || !TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("asterisk.dial: expected a dial string with {number}, such as "
                    + "PJSIP/{number}@trunk (letters, digits and / @ . : + - _ only), got '" + template + "'");
        }
    }

    /** The dial string for a configured number; refuses anything that is not a phone number. */
    public String dialString(String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("refusing to dial '" + number + "': a configured number is digits "
                    + "with an optional leading +, 3 to 20 long");
        }
        return template.replace("{number}", number);
    }
}
