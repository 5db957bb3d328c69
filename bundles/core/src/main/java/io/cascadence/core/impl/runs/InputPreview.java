package io.cascadence.core.impl.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A run's input as the record shows it: compact JSON, cut so that a large payload never bloats the history. */
final class InputPreview {

    static final int MAX = 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InputPreview() {
    }

    static String of(Object input) {
        if (input == null) {
            return null;
        }
        String text;
        try {
            text = MAPPER.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            text = String.valueOf(input); // a request's input is JSON-like, so this does not happen
        }
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }
}
