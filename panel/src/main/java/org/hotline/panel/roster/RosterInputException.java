package org.hotline.panel.roster;

/**
 * A roster edit that is wrong in itself, before any roster rule is checked: an unknown roster or
 * person, a date in the past or beyond the horizon, a lunch turn on a day without lunch, the same
 * person twice, a swap of a person with themself. {@link #field()} names the request field.
 */
public final class RosterInputException extends IllegalArgumentException {
    private final String field;

    public RosterInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
