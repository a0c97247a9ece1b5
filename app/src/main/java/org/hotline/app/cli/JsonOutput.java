package org.hotline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The command line's output: writes each result as one line of JSON (the panel's HTTP codec is
 * {@code org.hotline.panel.http.Json}). Dates and times are ISO-8601 text (offsets kept,
 * never converted to timestamps or UTC). Thread-safe.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE);

    private JsonOutput() {}

    public static void print(PrintStream out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the result as JSON", e);
        }
        out.flush();
    }
}
