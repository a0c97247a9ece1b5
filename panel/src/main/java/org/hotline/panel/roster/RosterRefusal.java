package org.hotline.panel.roster;

import org.hotline.panel.users.InvalidFieldException;

/**
 * How a roster edit wrong in itself is refused: an unknown roster or person, a date in the past
 * or beyond the horizon, a lunch turn on a day without lunch, the same person twice, a swap of a
 * person with themself. The message names the request field; nothing was saved.
 */
final class RosterRefusal {
    private RosterRefusal() {}

    static InvalidFieldException of(String field, String problem) {
        return new InvalidFieldException(field, "Field '" + field + "': " + problem + ".");
    }
}
