package io.cascadence.core.impl.pipeline;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Short texts of stage outputs for audit events and run records: enough to recognise, never a whole payload. Maps,
 * collections and arrays are written as compact JSON (what the REST API answers for them), anything else as its
 * text; cut to {@link #MAX} characters, then {@code ...}.
 */
final class Previews {

    static final int MAX = 256;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Previews() {
    }

    static String of(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        try {
            text = value instanceof Map || value instanceof Collection || value.getClass().isArray()
                    ? MAPPER.writeValueAsString(value) : String.valueOf(value);
        } catch (JsonProcessingException | RuntimeException e) {
            text = String.valueOf(value);
        }
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
