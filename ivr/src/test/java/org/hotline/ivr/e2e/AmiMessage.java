package org.hotline.ivr.e2e;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One AMI message (event or response) exactly as Asterisk sent it: header names lower-cased,
 * values as text. When a header repeats, the first value is kept in {@link #fields()} and all
 * of them in {@link #raw()}.
 */
public record AmiMessage(Map<String, String> fields, String raw) {
    public AmiMessage {
        fields = Map.copyOf(fields);
    }

    static AmiMessage parse(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            fields.putIfAbsent(key, value);
        }
        return new AmiMessage(fields, block);
    }

    /** The value of a header (case-insensitive name), or {@code ""} when absent. */
    public String get(String header) {
        return fields.getOrDefault(header.toLowerCase(Locale.ROOT), "");
    }

    public String event() {
        return get("Event");
    }

    public boolean isEvent(String name) {
        return event().equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
