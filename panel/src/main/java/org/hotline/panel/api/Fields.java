package org.hotline.panel.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hotline.panel.http.ApiException;

/**
 * Reads fields of a JSON request body with clear 400 messages naming the field and what was
 * expected. Stateless.
 */
public final class Fields {
    private final JsonNode body;

    public Fields(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object.");
        }
        this.body = body;
    }

    /** A string field, {@code null} when absent or null; too long -> 400. */
    public String text(String name, int maxLength) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest("Field '" + name + "' must be a string.");
        }
        String v = n.textValue();
        if (v.length() > maxLength) {
            throw ApiException.badRequest("Field '" + name + "' is longer than " + maxLength + " characters.");
        }
        return v;
    }

    public String requiredText(String name, int maxLength) {
        String v = text(name, maxLength);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("Field '" + name + "' is required.");
        }
        return v;
    }

    /** A boolean field, {@code null} when absent; anything but true/false -> 400. */
    public Boolean bool(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw ApiException.badRequest("Field '" + name + "' must be true or false.");
        }
        return n.booleanValue();
    }

    public long requiredLong(String name) {
        JsonNode n = body.get(name);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw ApiException.badRequest("Field '" + name + "' must be a whole number.");
        }
        return n.longValue();
    }

    /** An enum by its lower-case wire name; {@code null} when absent. */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name, 64);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Field '" + name + "' must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "; got '" + v + "'.");
        }
    }

    /** An instant: ISO with offset ({@code 2026-11-25T09:00:00Z}) or local ({@code 2026-11-25T17:00}) in {@code zone}. */
    public Instant instant(String name, ZoneId zone) {
        String v = text(name, 64);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                throw ApiException.badRequest("Field '" + name + "' must be a date-time like 2026-11-25T17:00; got '" + v + "'.");
            }
        }
    }

    public LocalDate date(String name) {
        String v = text(name, 32);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("Field '" + name + "' must be a date like 2026-12-25; got '" + v + "'.");
        }
    }
}
