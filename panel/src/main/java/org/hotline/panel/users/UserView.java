package org.hotline.panel.users;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.domain.ticket.User;

/** A user as the API and the command line show it: never the password hash. */
public final class UserView {
    private UserView() {}

    /** A mutable map, so callers may add a one-time password once. */
    public static Map<String, Object> of(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.shownName());
        m.put("role", u.role().wireName());
        m.put("department", u.department());
        m.put("phone", u.phone());
        m.put("rosterPerson", u.rosterPerson());
        m.put("active", u.active());
        m.put("mustChangePassword", u.mustChangePassword());
        return m;
    }
}
