package org.hotline.panel.users;

/**
 * Bad input to an administrative act, naming the field ({@code username}, {@code phone}, ...)
 * and what is wrong. Nothing was changed. The API answers 400 with it, the command line exits 2.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
