package org.hotline.panel.users;

/** The administrative act names a user that does not exist (the API answers 404). */
public final class UnknownUserException extends RuntimeException {
    public UnknownUserException(String username) {
        super("There is no user '" + username + "'.", null, false, false);
    }
}
