package org.hotline.ivr.agi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flows a server offers, by name ({@code hotline}, {@code survey}). Immutable; names are
 * checked to be plain path segments so they can appear in {@code agi://host/<name>}.
 */
public record AgiFlows(Map<String, AgiFlow> byName) {

    public AgiFlows {
        byName = Map.copyOf(byName);
        for (String name : byName.keySet()) {
            if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException(
                        "flow name '" + name + "' must be lower-case letters, digits and '-', starting with a letter");
            }
        }
    }

    public Optional<AgiFlow> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
