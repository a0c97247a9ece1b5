package org.hotline.domain.ticket;

/** A department tickets are dispatched to. {@code id} is a short stable code. */
public record Department(String id, String name, boolean active) {
    public Department {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a department needs a non-blank id");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("department " + id + " needs a name");
        }
    }
}
