package org.hotline.domain.store;

import java.util.Map;

/** One entry of an {@link EventStream}: its id and fields. */
public record StreamEntry(String id, Map<String, String> fields) {
    public StreamEntry {
        fields = Map.copyOf(fields);
    }
}
