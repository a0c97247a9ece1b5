package org.hotline.panel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Map;

/**
 * The panel's JSON codec: one configured {@link ObjectMapper} with a nesting-depth limit, ISO
 * dates, and errors turned into 400 responses that say where the body is wrong.
 * Thread-safe (ObjectMapper is, once configured).
 */
public final class Json {
    private final ObjectMapper mapper;

    public Json(int maxDepth) {
        var factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(1_000_000)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public ObjectMapper mapper() { return mapper; }

    /** Parses a request body; an empty body is an empty object. Malformed input -> 400. */
    public JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("The JSON body is nested too deeply or too large: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw ApiException.badRequest("The body is not valid JSON"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("The body could not be read as JSON: " + e.getMessage());
        }
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    public ApiResponse ok(Object value) { return ApiResponse.json(200, write(value)); }

    public ApiResponse status(int status, Object value) { return ApiResponse.json(status, write(value)); }

    public ApiResponse error(ApiException e) {
        return ApiResponse.json(e.status(), write(Map.of("error", e.code(), "message", e.getMessage())));
    }
}
