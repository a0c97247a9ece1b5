package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.util.Objects;

/**
 * Someone who can be rostered or dialled. {@code phone} is what the PBX dials; its form
 * ({@code ^\+?[0-9]{3,20}$}) is checked by {@link ConfigValidator}.
 */
public record Person(String id, String name, String phone) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
    }
}
