package org.hotline.domain.ticket;

import java.util.Objects;

/**
 * Who performs an action: a panel user name (or a system name such as {@code "ivr"}) and the
 * role it acts in. Recorded in every {@link HistoryEvent}.
 */
public record Actor(String id, Role role) {
    public Actor {
        Objects.requireNonNull(role, "role");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs a non-blank id");
        }
    }

    /** The IVR acting on a call. */
    public static Actor ivr() {
        return new Actor("ivr", Role.SYSTEM);
    }
}
